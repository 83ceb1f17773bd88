using System.Diagnostics.Metrics;

namespace Conversations.Api.Webhooks;

/// <summary>What happened to the events of Meta's webhooks, by outcome; the api's only meter.</summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "Conversations.Webhooks";

    private readonly Counter<long> _applied;
    private readonly Counter<long> _ignored;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _deadLettered;

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
        _refused = Meter.CreateCounter<long>("conversations.webhooks.refused", "{request}", "Webhook POSTs refused whole: too many at once (429), too large (413), not signed (401), not JSON (400).");
    }

    public Meter Meter { get; }

    public void Applied(string kind) => _applied.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Ignored(string reason) => _ignored.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Rejected(string kind, string reason) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DeadLettered(string kind, string reason, bool stored) => _deadLettered.Add(
        1,
        new KeyValuePair<string, object?>("kind", kind),
        new KeyValuePair<string, object?>("reason", reason),
        new KeyValuePair<string, object?>("stored", stored));

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
