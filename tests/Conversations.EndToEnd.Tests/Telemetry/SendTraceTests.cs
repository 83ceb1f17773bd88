using System.Diagnostics;
using Conversations.Testing;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests.Telemetry;

/// <summary>One send as a collector receives it: one trace from the gRPC call to the HTTP call to Meta, and its status spans linked to it.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class SendTraceTests(TelemetryLoopbackApi api)
{
    private readonly LoopbackScenario _scenario = new(api);

    [Fact]
    public async Task A_send_is_one_trace_from_the_grpc_call_through_the_grains_to_Meta_and_its_statuses_link_back_by_wamid()
    {
        var (number, customer) = await _scenario.CustomerWrote();
        await Eventually.Until(() => _scenario.Conversation(number, customer), c => c.WindowOpen, LoopbackScenario.Bound);
        var request = LoopbackScenario.Text(number, customer, "Your order left the warehouse.");

        ActivityTraceId traceId;
        V1.SendReceipt receipt;
        using (var caller = TelemetryLoopbackApi.Tests.StartActivity("caller sends"))
        {
            Assert.NotNull(caller);
            traceId = caller.TraceId;
            receipt = (await api.Conversations.SendAsync(request)).Receipt;
        }

        await Eventually.Until(() => _scenario.Message(number, customer, request.IdempotencyKey), m => m?.Status == V1.MessageStatus.Read, LoopbackScenario.Bound);
        await Eventually.True(() => StatusSpans(receipt.Wamid).Count == 3, "a span for each of sent, delivered and read", LoopbackScenario.Bound);

        var spans = api.Trace(traceId);
        var byId = spans.ToDictionary(s => s.SpanId);
        var meta = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http" && Url(s).EndsWith($"/{number.BusinessNumberId}/messages", StringComparison.Ordinal));
        var ancestors = Ancestors(meta, byId);
        var grainServer = Assert.Single(ancestors, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.Orleans.Application");
        var grainClient = Assert.Single(ancestors, s => s.Kind == ActivityKind.Client && s.Source.Name == "Microsoft.Orleans.Application");
        var grpc = Assert.Single(ancestors, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains("IConversationGrain", grainServer.DisplayName, StringComparison.Ordinal);
        Assert.EndsWith("Send", grainServer.DisplayName, StringComparison.Ordinal);
        Assert.Equal(grainClient.SpanId, grainServer.ParentSpanId);
        Assert.Contains("/conversations.v1.ConversationsService/Send", Url(grpc) + grpc.DisplayName, StringComparison.Ordinal);
        // The order of a trace: the caller, the gRPC call, the grain call (client, then server), Meta.
        Assert.True(ancestors.IndexOf(grainServer) < ancestors.IndexOf(grainClient), "the grain's server span under its client span");
        Assert.True(ancestors.IndexOf(grainClient) < ancestors.IndexOf(grpc), "the grain call under the gRPC call");
        // Above the gRPC call: the caller's HTTP request, in the trace the caller started.
        Assert.Equal(ActivityKind.Client, ancestors[^1].Kind);

        // Statuses arrive in webhooks of their own; each status span links to the grain call that handed the message to Meta.
        foreach (var status in StatusSpans(receipt.Wamid))
        {
            var link = Assert.Single(status.Links);
            Assert.Equal(traceId, link.Context.TraceId);
            Assert.Equal(grainServer.SpanId, link.Context.SpanId);
        }

        Assert.Equal(
            ["Sent", "Delivered", "Read"],
            StatusSpans(receipt.Wamid).OrderBy(s => s.StartTimeUtc).Select(s => (string?)s.GetTagItem("conversations.message.status")));
    }

    private List<Activity> StatusSpans(string wamid) =>
        [.. api.Named("conversation.status").Where(s => (string?)s.GetTagItem("messaging.message.id") == wamid)];

    private static string Url(Activity span) => (span.GetTagItem("url.full") ?? span.GetTagItem("url.path")) as string ?? "";

    /// <summary>The span's parents, nearest first, as far as the trace's spans reach.</summary>
    private static List<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        var ancestors = new List<Activity>();
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next) && next.Source.Name != TelemetryLoopbackApi.Tests.Name; parent = next.ParentSpanId)
        {
            ancestors.Add(next);
        }

        return ancestors;
    }
}
