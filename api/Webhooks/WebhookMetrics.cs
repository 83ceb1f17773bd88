using System.Diagnostics.Metrics;

namespace Conversations.Api.Webhooks;

/// <summary>
/// What happened to the events of Meta's webhooks, by outcome. <c>conversations.webhooks.events</c> counts every event
/// by kind and outcome in one instrument; the older per-outcome counters stay for the dashboards built on them.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "Conversations.Webhooks";

    public const string Events = "conversations.webhooks.events";
    public const string Lag = "conversations.webhooks.lag";

    private readonly Counter<long> _applied;
    private readonly Counter<long> _ignored;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _lag;

    public WebhookMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _applied = Meter.CreateCounter<long>("conversations.webhooks.applied", "{event}", "Webhook events a grain accepted and stored.");
        _ignored = Meter.CreateCounter<long>("conversations.webhooks.ignored", "{event}", "Webhook parts with nothing to apply: unknown fields, types, values.");
        _rejected = Meter.CreateCounter<long>("conversations.webhooks.rejected", "{event}", "Webhook events the domain refused; acknowledged, since a retry cannot help.");
        _failed = Meter.CreateCounter<long>("conversations.webhooks.failed", "{event}", "Webhook events whose grain call threw; the POST is answered 503 so Meta retries.");
        _deadLettered = Meter.CreateCounter<long>(
            "conversations.webhooks.dead_lettered",
            "{event}",
            "Webhook events acknowledged but not applied (refused, or not appliable yet), by kind and reason; stored=false when no business number could hold them.");
        _events = Meter.CreateCounter<long>(
            Events,
            "{event}",
            "Webhook events by kind (inbound_message, status, template_status, ...) and outcome (applied, ignored, rejected, dead_lettered, failed).");
        _lag = Meter.CreateHistogram<double>(
            Lag,
            "s",
            "How long after Meta's event time a webhook event arrived (arrival minus the event's timestamp), by kind.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });
        _refused = Meter.CreateCounter<long>("conversations.webhooks.refused", "{request}", "Webhook POSTs refused whole: too many at once (429), too large (413), not signed (401), not JSON (400).");
    }

    public Meter Meter { get; }

    public void Applied(string kind)
    {
        _applied.Add(1, new KeyValuePair<string, object?>("kind", kind));
        Event(kind, "applied");
    }

    /// <param name="kind">The event's kind; null for a part of the POST that never became an event (an unknown field).</param>
    public void Ignored(string reason, string? kind = null)
    {
        _ignored.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Event(kind ?? "unknown", "ignored");
    }

    public void Rejected(string kind, string reason)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
        Event(kind, "rejected");
    }

    public void Failed(string kind)
    {
        _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));
        Event(kind, "failed");
    }

    /// <summary>A rejected event is counted rejected, and dead-lettered here; an unapplied one only here.</summary>
    public void DeadLettered(string kind, string reason, bool stored, bool rejected)
    {
        _deadLettered.Add(
            1,
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("reason", reason),
            new KeyValuePair<string, object?>("stored", stored));
        if (!rejected)
        {
            Event(kind, "dead_lettered");
        }
    }

    /// <summary>Arrival minus the time Meta gives the event; a clock skewed ahead of ours counts as no lag.</summary>
    public void Arrived(string kind, DateTimeOffset eventTime, DateTimeOffset now)
    {
        if (_lag.Enabled)
        {
            _lag.Record(Math.Max(0, (now - eventTime).TotalSeconds), new KeyValuePair<string, object?>("kind", kind));
        }
    }

    private void Event(string kind, string outcome)
    {
        if (_events.Enabled)
        {
            _events.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
