using System.Text;
using System.Text.Json.Nodes;
using Conversations.LoadTest.Measurement;
using Conversations.V1;
using Google.Protobuf.WellKnownTypes;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Opens the windows a sending scenario needs: one inbound message per conversation, recorded with RecordInbound on
/// the api or, given the Meta simulator, sent "by the customer" through it so the simulator's own 24 h rule agrees.
/// </summary>
public sealed class WindowOpener(ScenarioContext context, Func<int, string> numberOf, Func<int, string> customerOf)
{
    private const string CustomerText = "Hi, where is my order?";

    /// <summary>Through the simulator when the run was given one, otherwise with RecordInbound.</summary>
    public Task<SetupReport> OpenAsync(int count, string waba, CancellationToken cancellationToken) =>
        context.Settings.MetaSimulator is { } simulator
            ? ThroughSimulatorAsync(count, simulator, waba, cancellationToken)
            : WithRecordInboundAsync(count, cancellationToken);

    public Task<SetupReport> WithRecordInboundAsync(int count, CancellationToken cancellationToken, LatencyRecorder? latency = null)
    {
        var client = new V1.ConversationsService.ConversationsServiceClient(context.Channel);
        var sentAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        return SetupStep.RunAsync(context, "RecordInbound (open windows)", count, async (i, token) =>
        {
            await client.RecordInboundAsync(new RecordInboundRequest
            {
                BusinessNumberId = numberOf(i),
                Customer = customerOf(i),
                MessageId = $"wamid.loadtest.{context.Ids.Stamp}.{i}",
                SentAt = sentAt,
                Type = "text",
                Text = CustomerText,
            }, cancellationToken: token);
            return Outcome.Ok;
        }, cancellationToken, latency);
    }

    /// <summary>
    /// The customer writes to "Meta": the simulator records its own window and posts the signed webhook that makes
    /// the api record the inbound. Without this the simulator refuses free-form sends with 131047 as Meta would.
    /// </summary>
    public async Task<SetupReport> ThroughSimulatorAsync(int count, Uri simulator, string waba, CancellationToken cancellationToken)
    {
        var inbound = new Uri(simulator, "/simulator/inbound");
        foreach (var number in Enumerable.Range(0, count).Select(numberOf).Distinct())
        {
            await NumberSetup.TellSimulatorAsync(context, simulator, number, waba, cancellationToken);
        }

        return await SetupStep.RunAsync(context, "simulator inbound → webhook (open windows)", count, async (i, token) =>
        {
            var body = new JsonObject
            {
                ["phone_number_id"] = numberOf(i),
                ["text"] = CustomerText,
                ["waba_id"] = waba,
            };

            // A username user's message has no phone number: the simulator names them by BSUID only.
            body[customerOf(i).Contains('.', StringComparison.Ordinal) ? "user_id" : "from"] = customerOf(i);
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await context.Http.PostAsync(inbound, content, token);
            return Outcome.FromHttp(response.StatusCode);
        }, cancellationToken);
    }
}
