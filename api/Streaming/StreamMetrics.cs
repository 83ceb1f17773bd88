using System.Diagnostics.Metrics;

namespace Conversations.Api.Streaming;

/// <summary>Open streams, observed from the stream caps when a reader collects: nothing is recorded per stream.</summary>
public sealed class StreamMetrics
{
    public const string MeterName = "Conversations.Streams";

    public const string Subscribers = "conversations.subscribers";
    public const string SendStreams = "conversations.send_streams";

    public StreamMetrics(IMeterFactory meters, StreamCaps caps)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter(Subscribers, () => caps.Subscribe.Open, "{subscriber}", "Event subscriptions (Subscribe streams) open on this api.");
        meter.CreateObservableUpDownCounter(SendStreams, () => caps.StreamSends.Open, "{stream}", "StreamSends streams open on this api.");
    }
}
