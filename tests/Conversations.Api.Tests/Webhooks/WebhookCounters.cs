using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conversations.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// Listens to one host's webhook meter only (each host has its own meter factory), so hosts of other test classes
/// running in parallel never add to these counts.
/// </summary>
public sealed class WebhookCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public WebhookCounters(ApiFactory api)
    {
        var meter = api.Services.GetRequiredService<WebhookMetrics>().Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public long Applied => Sum("conversations.webhooks.applied");

    public long Ignored(string reason) => Sum("conversations.webhooks.ignored", ("reason", reason));

    public long Rejected(string reason) => Sum("conversations.webhooks.rejected", ("reason", reason));

    public long DeadLettered(string reason) => Sum("conversations.webhooks.dead_lettered", ("reason", reason));

    public long Sum(string instrument, params (string Key, string Value)[] tags) => _measurements
        .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(tag => tag.Key == t.Key && Equals(tag.Value, t.Value))))
        .Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
