using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conversations.EndToEnd.Tests;

/// <summary>The simulator's operator endpoints (<c>/simulator/...</c>) as an operator or a load test calls them: JSON over HTTP.</summary>
public sealed class MetaSimulatorClient(HttpClient http)
{
    /// <summary>A customer writes; returns once the simulator's signed webhook was taken by our endpoint.</summary>
    public async Task<SimulatedInbound> CustomerWrites(string phoneNumberId, string wabaId, string from, string text)
    {
        using var response = await http.PostAsJsonAsync("/simulator/inbound", new JsonObject
        {
            ["phone_number_id"] = phoneNumberId,
            ["waba_id"] = wabaId,
            ["from"] = from,
            ["text"] = text,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the inbound webhook should reach the api: {(int)response.StatusCode} {body?.ToJsonString()}");
        var sentAt = long.Parse((string)body!["timestamp"]!, CultureInfo.InvariantCulture);
        return new SimulatedInbound((string)body["messages"]![0]!["id"]!, DateTimeOffset.FromUnixTimeSeconds(sentAt));
    }

    /// <summary>The next matching sends fail as <paramref name="fault"/> says (see the simulator's fault model in meta/README.md).</summary>
    public async Task InjectFault(JsonObject fault)
    {
        using var response = await http.PostAsJsonAsync("/simulator/faults", fault);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>What Meta knows of a number: its WABA, and its throughput when given (<c>POST /simulator/numbers</c>).</summary>
    public async Task Number(string phoneNumberId, string wabaId, int? throughputPerSecond = null)
    {
        var number = new JsonObject { ["phone_number_id"] = phoneNumberId, ["waba_id"] = wabaId };
        if (throughputPerSecond is { } perSecond)
        {
            number["throughput_per_second"] = perSecond;
        }

        using var response = await http.PostAsJsonAsync("/simulator/numbers", number);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Meta posts an account signal (<c>POST /simulator/signals</c>), which our endpoint must take.</summary>
    public async Task Signal(string wabaId, string field, JsonObject value)
    {
        using var response = await http.PostAsJsonAsync("/simulator/signals", new JsonObject { ["waba_id"] = wabaId, ["field"] = field, ["value"] = value });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Submits a utility template with one parameter for Meta's review (<c>POST /v25.0/{waba}/message_templates</c>).</summary>
    public async Task SubmitTemplate(string wabaId, string name, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v25.0/{wabaId}/message_templates")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["name"] = name,
                ["language"] = "en_US",
                ["category"] = "UTILITY",
                ["components"] = new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = body }),
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "any-token");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Meta changes a template's status and posts its webhook, which our endpoint must take.</summary>
    public async Task TemplateStatus(string wabaId, string name, string status)
    {
        using var response = await http.PostAsJsonAsync("/simulator/templates/status", new JsonObject
        {
            ["waba_id"] = wabaId,
            ["name"] = name,
            ["language"] = "en_US",
            ["status"] = status,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>When the simulator received each send request of <paramref name="phoneNumberId"/> (<c>GET /simulator/received</c>).</summary>
    public async Task<ReceivedSends> ReceivedFrom(string phoneNumberId)
    {
        var answer = await http.GetFromJsonAsync<JsonObject>($"/simulator/received?phone_number_id={Uri.EscapeDataString(phoneNumberId)}");
        var arrivals = answer!["received_at_unix_us"]!.AsArray().Select(t => DateTimeOffset.UnixEpoch + TimeSpan.FromMicroseconds((long)t!)).ToList();
        return new ReceivedSends((long)answer["received"]!, arrivals, (int)answer["busiest_second"]!);
    }

    /// <summary>Every send request the simulator received for <paramref name="customer"/>, oldest first, with its answer.</summary>
    public async Task<IReadOnlyList<JsonNode>> SendsTo(string customer)
    {
        var list = await http.GetFromJsonAsync<JsonObject>("/simulator/messages");
        return [.. list!["data"]!.AsArray().Where(s => (string?)s!["body"]?["to"] == customer).Select(s => s!)];
    }

    /// <summary>Every read receipt (<c>"status":"read"</c>) the simulator received for <paramref name="phoneNumberId"/>, oldest first, with its answer.</summary>
    public async Task<IReadOnlyList<JsonNode>> ReadReceiptsOf(string phoneNumberId)
    {
        var list = await http.GetFromJsonAsync<JsonObject>("/simulator/messages");
        return [.. list!["data"]!.AsArray().Where(s => (string?)s!["phone_number_id"] == phoneNumberId && (string?)s["body"]?["status"] == "read").Select(s => s!)];
    }
}

public sealed record SimulatedInbound(string Wamid, DateTimeOffset SentAt);

/// <param name="Received">Every send request of the number the simulator received.</param>
/// <param name="Arrivals">Their arrival times, oldest first.</param>
/// <param name="BusiestSecond">The most arrivals within one second, as the simulator counted them.</param>
public sealed record ReceivedSends(long Received, IReadOnlyList<DateTimeOffset> Arrivals, int BusiestSecond);
