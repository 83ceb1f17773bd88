using Microsoft.Extensions.Options;

namespace Conversations.Api.Streaming;

/// <summary>How many calls of each streaming RPC a caller, and this api process, may hold at once (<see cref="StreamingOptions"/>).</summary>
public sealed class StreamCaps(IOptions<StreamingOptions> options) : IDisposable
{
    public StreamSlots Subscribe { get; } = new("Subscribe", options.Value.MaxSubscriptionsPerCaller, options.Value.MaxSubscriptions);

    public StreamSlots StreamSends { get; } = new("StreamSends", options.Value.MaxSendStreamsPerCaller, options.Value.MaxSendStreams);

    public void Dispose()
    {
        Subscribe.Dispose();
        StreamSends.Dispose();
    }
}
