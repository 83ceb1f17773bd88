using System.Text.Json.Nodes;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests.Telemetry;

/// <summary>
/// /metrics after real traffic through the simulator: every metric the README lists, with the value this traffic gives
/// it. Counters are compared with a scrape taken before, since other tests of this host sent too.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsScrapeTests(TelemetryLoopbackApi api) : IDisposable
{
    private readonly LoopbackScenario _scenario = new(api);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Metrics_count_sends_refusals_Meta_errors_webhooks_windows_reminders_limits_pacing_subscribers_and_dead_letters()
    {
        var before = await Scrape();

        // A customer writes: a window opens, the inbound webhook is applied.
        var (number, customer) = await _scenario.CustomerWrote();
        await Eventually.Until(() => _scenario.Conversation(number, customer), c => c.WindowOpen, LoopbackScenario.Bound);

        // A reply Meta takes, then reports sent, delivered and read.
        var reply = LoopbackScenario.Text(number, customer, "On its way.");
        await api.Conversations.SendAsync(reply);
        await Eventually.Until(() => _scenario.Message(number, customer, reply.IdempotencyKey), m => m?.Status == V1.MessageStatus.Read, LoopbackScenario.Bound);

        // Free-form to a customer who never wrote: refused before Meta.
        var stranger = TestNumbers.Customer();
        await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED", () => api.Conversations.SendAsync(LoopbackScenario.Text(number, stranger, "Hello")).ResponseAsync);

        // Meta says 131047 although our window is open: the send fails with Meta's code and the window closes.
        var (closedNumber, closedCustomer) = await _scenario.CustomerWrote();
        await Eventually.Until(() => _scenario.Conversation(closedNumber, closedCustomer), c => c.WindowOpen, LoopbackScenario.Bound);
        await api.Simulator.InjectFault(new JsonObject { ["to"] = closedCustomer, ["code"] = 131047 });
        await Refused.With(StatusCode.FailedPrecondition, "META_REJECTED", () => api.Conversations.SendAsync(LoopbackScenario.Text(closedNumber, closedCustomer, "Still there?")).ResponseAsync);

        // Three templates at once from a number allowed one message a second: two wait for their slot, and the
        // portfolio's messaging limit counts three customers.
        var paced = await _scenario.RegisterNumber(throughputPerSecond: 1);
        var template = await _scenario.ApprovedTemplate(paced.WabaId);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => api.Conversations.SendAsync(new V1.SendRequest
        {
            BusinessNumberId = paced.BusinessNumberId,
            Customer = TestNumbers.Customer(),
            IdempotencyKey = "key-" + Guid.NewGuid().ToString("N"),
            Template = new V1.TemplateContent { Name = template, Language = "en_US", Parameters = { $"A-{i}" } },
        }).ResponseAsync));
        var limit = (await api.BusinessNumbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = paced.WabaId })).MessagingLimit;
        Assert.Equal(3, limit.Used);

        // A send scheduled a second ahead: its reminder fires and decides it.
        var scheduled = LoopbackScenario.Text(number, customer, "Later.");
        scheduled.SendAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(1));
        await api.Conversations.SendAsync(scheduled);
        await Eventually.Until(() => _scenario.Message(number, customer, scheduled.IdempotencyKey), m => m?.Status is V1.MessageStatus.Sent or V1.MessageStatus.Delivered or V1.MessageStatus.Read, LoopbackScenario.Bound);

        // A customer writes to a number nobody registered: refused for good, acknowledged and dead-lettered.
        var unregistered = TestNumbers.BusinessNumberId();
        await api.Simulator.CustomerWrites(unregistered, TestNumbers.WabaId(), TestNumbers.Customer(), "Anyone there?");

        // One subscriber, open while the metrics are read.
        using var subscription = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = number.BusinessNumberId });
        await subscription.ResponseHeadersAsync;

        var after = await Eventually.Until(
            Scrape,
            // The dead letter, and every status webhook of the five accepted sends (their read statuses arrive last).
            s => Delta(before, s, "conversations_webhooks_dead_lettered_total", ("kind", "inbound_message"), ("stored", "true")) >= 1
                && Delta(before, s, "conversations_webhooks_events_total", ("kind", "status"), ("outcome", "applied")) >= 3 * 5,
            LoopbackScenario.Bound);

        Assert.Equal(2, Delta(before, after, "conversations_sends_total", ("outcome", "accepted"), ("reason", "none"), ("kind", "free_form"), ("category", "service")));
        Assert.Equal(3, Delta(before, after, "conversations_sends_total", ("outcome", "accepted"), ("reason", "none"), ("kind", "template"), ("category", "utility")));
        Assert.Equal(1, Delta(before, after, "conversations_sends_total", ("outcome", "refused"), ("reason", "WINDOW_CLOSED"), ("kind", "free_form")));
        Assert.Equal(1, Delta(before, after, "conversations_sends_total", ("outcome", "failed"), ("reason", "permanent"), ("kind", "free_form")));
        Assert.Equal(6, Delta(before, after, "conversations_send_decision_duration_seconds_count", ("outcome", "allowed")));
        Assert.Equal(1, Delta(before, after, "conversations_send_decision_duration_seconds_count", ("outcome", "refused")));
        Assert.Equal(5, Delta(before, after, "conversations_meta_request_duration_seconds_count", ("outcome", "accepted")));
        Assert.Equal(1, Delta(before, after, "conversations_meta_request_duration_seconds_count", ("outcome", "permanent")));
        Assert.Equal(1, Delta(before, after, "conversations_meta_errors_total", ("error_code", "131047"), ("outcome", "permanent")));
        Assert.Equal(2, Delta(before, after, "conversations_windows_opened_total"));
        Assert.Equal(1, Delta(before, after, "conversations_windows_closed_total"));
        Assert.Equal(1, Delta(before, after, "conversations_reminders_fired_total", ("reminder", "scheduled-sends")));
        Assert.Equal(2, Delta(before, after, "conversations_webhooks_events_total", ("kind", "inbound_message"), ("outcome", "applied")));
        Assert.Equal(1, Delta(before, after, "conversations_webhooks_events_total", ("kind", "inbound_message"), ("outcome", "rejected")));
        Assert.True(Delta(before, after, "conversations_webhooks_events_total", ("kind", "status"), ("outcome", "applied")) >= 3 * 5, "sent, delivered and read of each accepted send");
        Assert.Equal(3, Delta(before, after, "conversations_webhooks_lag_seconds_count", ("kind", "inbound_message")));
        Assert.Equal(1, Delta(before, after, "conversations_webhooks_dead_lettered_total", ("kind", "inbound_message"), ("reason", "UNKNOWN_BUSINESS_NUMBER"), ("stored", "true")));
        Assert.Equal(3, after.Value("conversations_messaging_limit_used", ("portfolio", paced.WabaId)));
        Assert.Equal(250, after.Value("conversations_messaging_limit_limit", ("portfolio", paced.WabaId)));
        Assert.True(after.Has("conversations_pacing_queue_depth"), "sends waited for a pace slot");
        Assert.Equal(0, after.Value("conversations_pacing_queue_depth"));
        Assert.Equal(1, after.Value("conversations_subscribers"));
    }

    private Task<PrometheusScrape> Scrape() => PrometheusScrape.From(_http, api.MetricsUrl);

    private static double Delta(PrometheusScrape before, PrometheusScrape after, string name, params (string Key, string Value)[] labels) =>
        after.Value(name, labels) - before.Value(name, labels);

    public void Dispose() => _http.Dispose();
}
