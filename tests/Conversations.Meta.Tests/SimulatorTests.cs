using Conversations.Testing;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Meta.Tests;

/// <summary>The simulator as Meta: its 24 h rule, its answers, and the signed webhooks it posts back.</summary>
public sealed class SimulatorTests
{
    private static readonly TemplateMessage OrderUpdate =
        new("order_update", "en_US", ["12345"], ImmutableSortedDictionary<string, string>.Empty);

    [Fact]
    public async Task Free_form_without_a_customer_message_is_refused_with_131047_and_not_retried()
    {
        await using var loop = await MetaLoop.Start();

        var result = await loop.Send(new TextMessage("Your order shipped"));

        Assert.False(result.Accepted);
        Assert.Equal(MetaErrorClass.Permanent, result.ErrorClass);
        Assert.Equal(131047, result.Error!.Code);
        Assert.Equal("Re-engagement message", result.Error.Title);
        Assert.Contains("24 hours", result.Error.Details);
        Assert.Equal(1, loop.RequestsTo());
    }

    [Fact]
    public async Task Free_form_after_the_customer_writes_is_accepted_with_a_simulator_wamid()
    {
        await using var loop = await MetaLoop.Start();
        await loop.CustomerWrites();

        var result = await loop.Send(new TextMessage("Yes, in blue and green."));

        Assert.True(result.Accepted);
        Assert.StartsWith("wamid.SIM", result.Wamid);
        Assert.Null(result.MessageStatus);
    }

    [Fact]
    public async Task A_template_outside_the_window_is_accepted_with_message_status_accepted()
    {
        await using var loop = await MetaLoop.Start();

        var result = await loop.Send(OrderUpdate);

        Assert.True(result.Accepted);
        Assert.StartsWith("wamid.SIM", result.Wamid);
        Assert.Equal("accepted", result.MessageStatus);
    }

    [Fact]
    public async Task The_simulators_window_closes_24_hours_after_the_customer_last_wrote()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(simulatorClock: clock);
        await loop.CustomerWrites();

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var justInside = await loop.Send(new TextMessage("Still there?"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await loop.Send(new TextMessage("Hello?"));

        Assert.True(justInside.Accepted);
        Assert.Equal(131047, atExpiry.Error?.Code);
    }

    [Fact]
    public async Task A_simulated_inbound_posts_a_signed_messages_webhook_shaped_like_Metas()
    {
        await using var loop = await MetaLoop.Start();

        var inbound = await loop.CustomerWrites("Does it come in another color?");

        var webhook = Assert.Single(loop.Receiver.Accepted);
        Assert.Equal(0, loop.Receiver.BadSignatures);
        Assert.Equal("whatsapp_business_account", (string?)webhook["object"]);
        var change = webhook["entry"]![0]!["changes"]![0]!;
        Assert.Equal("messages", (string?)change["field"]);
        var value = change["value"]!;
        Assert.Equal("whatsapp", (string?)value["messaging_product"]);
        Assert.Equal(MetaLoop.BusinessNumber, (string?)value["metadata"]!["phone_number_id"]);
        Assert.Equal(MetaLoop.Customer, (string?)value["contacts"]![0]!["wa_id"]);
        var message = value["messages"]![0]!;
        Assert.Equal(MetaLoop.Customer, (string?)message["from"]);
        Assert.Equal(inbound.Wamid, (string?)message["id"]);
        Assert.Equal(inbound.SentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)message["timestamp"]);
        Assert.Equal("text", (string?)message["type"]);
        Assert.Equal("Does it come in another color?", (string?)message["text"]!["body"]);
    }

    [Fact]
    public async Task Status_webhooks_arrive_signed_in_order_sent_delivered_read_with_pricing()
    {
        // Meta does not deliver marketing to US numbers, and the customer is one: this test is about the statuses of a delivery.
        await using var loop = await MetaLoop.Start(simulator: o => (o.TemplateCategories["order_update"], o.MarketingUndeliveredRegions) = ("MARKETING", ""));
        await loop.CustomerWrites();

        var reply = await loop.Send(new TextMessage("Yes, in blue."));
        var template = await loop.Send(OrderUpdate);

        await Eventually.True(() => loop.Receiver.StatusesOf(reply.Wamid!).Count == 3 && loop.Receiver.StatusesOf(template.Wamid!).Count == 3, "three statuses per message");
        Assert.Equal(0, loop.Receiver.BadSignatures);
        Assert.Equal(["sent", "delivered", "read"], loop.Receiver.StatusesOf(reply.Wamid!).Select(s => (string?)s["status"]));
        Assert.Equal(["sent", "delivered", "read"], loop.Receiver.StatusesOf(template.Wamid!).Select(s => (string?)s["status"]));
        foreach (var status in loop.Receiver.StatusesOf(reply.Wamid!))
        {
            Assert.Equal(MetaLoop.Customer, (string?)status["recipient_id"]);
            JsonAssert.Equal("""{"billable":false,"pricing_model":"PMP","type":"free_customer_service","category":"service"}""", status["pricing"]);
        }

        foreach (var status in loop.Receiver.StatusesOf(template.Wamid!))
        {
            JsonAssert.Equal("""{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}""", status["pricing"]);
        }
    }

    [Fact]
    public async Task A_numbers_service_messages_beyond_its_free_monthly_allowance_are_reported_charged()
    {
        await using var loop = await MetaLoop.Start(simulator: o => o.FreeServiceMessagesPerMonth = 2);
        await loop.CustomerWrites();

        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await loop.Send(new TextMessage($"Reply {i}"))).Wamid!);
        }

        await Eventually.True(() => replies.All(w => loop.Receiver.StatusesOf(w).Count == 3), "three statuses per reply");
        Assert.Equal(
            ["free_customer_service", "free_customer_service", "regular"],
            replies.Select(w => (string?)loop.Receiver.StatusesOf(w)[0]["pricing"]!["type"]));
        Assert.True((bool)loop.Receiver.StatusesOf(replies[2])[0]["pricing"]!["billable"]!);
    }

    [Fact]
    public async Task Webhook_posting_retries_when_the_receiver_fails()
    {
        await using var loop = await MetaLoop.Start(simulator: o => o.StatusBatchSize = 1);
        loop.Receiver.FailNext(2);
        var template = await loop.Send(OrderUpdate);

        await Eventually.True(() => loop.Receiver.StatusesOf(template.Wamid!).Count == 3, "all three statuses despite two failed posts");

        Assert.Equal(["sent", "delivered", "read"], loop.Receiver.StatusesOf(template.Wamid!).Select(s => (string?)s["status"]));
        Assert.Equal(5, loop.Receiver.Posts);
    }

    [Fact]
    public async Task A_webhook_receiver_that_is_down_costs_a_log_line_not_the_simulator()
    {
        await using var loop = await MetaLoop.Start(simulator: o =>
        {
            o.WebhookUrl = $"http://127.0.0.1:{FreePort.Next()}/webhooks/whatsapp";
            o.WebhookAttempts = 2;
            o.StatusBatchSize = 1;
        });

        var inbound = await loop.Simulator.SimulateInbound(new SimulatedInbound(MetaLoop.BusinessNumber, MetaLoop.Customer, "hi"), CancellationToken.None);
        var reply = await loop.Send(new TextMessage("Hello"));
        await Eventually.True(() => loop.Logs.Lines.Count(l => l.Contains("gave up posting", StringComparison.Ordinal)) >= 4, "the simulator to give up on every webhook");

        Assert.False(inbound.WebhookDelivered);
        Assert.True(reply.Accepted, "the window is the simulator's own, whether or not our api heard of the inbound");
    }

    [Fact]
    public async Task A_send_without_a_bearer_token_is_refused_with_190()
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient();

        using var response = await http.PostAsync(
            new Uri(loop.Simulator.BaseAddress, $"v25.0/{MetaLoop.BusinessNumber}/messages"),
            new StringContent("""{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(190, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{}}""", "text['body']")]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"image","image":{"id":"1","link":"https://x"}}""", "exactly one")]
    [InlineData("""{"messaging_product":"sms","to":"16505551234","type":"text","text":{"body":"hi"}}""", "messaging_product")]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"template","template":{"name":"x"}}""", "language")]
    public async Task A_malformed_send_is_refused_with_100_naming_the_parameter(string body, string named)
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(loop.Simulator.BaseAddress, $"v25.0/{MetaLoop.BusinessNumber}/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(100, (int?)error["code"]);
        Assert.Contains(named, (string?)error["error_data"]!["details"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_Meta_reports_later_arrives_as_a_signed_failed_status_with_its_code()
    {
        await using var loop = await MetaLoop.Start();
        loop.Simulator.Inject(new SimulatedFault { Code = 131049, AsFailedStatus = true });

        var result = await loop.Send(OrderUpdate);

        Assert.True(result.Accepted, "Meta takes the send and fails it afterwards");
        await Eventually.True(() => loop.Receiver.StatusesOf(result.Wamid!).Count == 1, "the failed status");
        var failed = Assert.Single(loop.Receiver.StatusesOf(result.Wamid!));
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal(131049, (int?)failed["errors"]![0]!["code"]);
        Assert.NotNull((string?)failed["errors"]![0]!["error_data"]!["details"]);
    }

    [Fact]
    public async Task Faults_are_injected_over_http_and_cleared()
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };
        using var inject = await http.PostAsync("simulator/faults", new StringContent("""{"to":"+16505551234","code":131056,"times":5}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, inject.StatusCode);

        var limited = await loop.Send(OrderUpdate);
        using var clear = await http.DeleteAsync("simulator/faults");
        var after = await loop.Send(OrderUpdate);

        Assert.Equal(MetaErrorClass.RateLimited, limited.ErrorClass);
        Assert.True(after.Accepted);
    }

    [Fact]
    public async Task Simulate_inbound_over_http_opens_the_window_and_reports_the_webhook()
    {
        await using var loop = await MetaLoop.Start();
        using var http = new HttpClient { BaseAddress = loop.Simulator.BaseAddress };

        using var response = await http.PostAsync(
            "simulator/inbound",
            new StringContent("""{"phone_number_id":"106540352242922","from":"+16505551234","text":"Hi there"}""", Encoding.UTF8, "application/json"));
        var reply = await loop.Send(new TextMessage("Hello!"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((bool?)answer["webhook_delivered"]);
        Assert.StartsWith("wamid.SIM", (string?)answer["messages"]![0]!["id"]);
        Assert.True(reply.Accepted);
    }
}
