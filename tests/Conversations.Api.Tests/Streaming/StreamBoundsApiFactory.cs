namespace Conversations.Api.Tests.Streaming;

/// <summary>
/// A host with small stream bounds: two subscriptions per caller and three in all, one StreamSends per caller and two
/// in all, replays of at most four events.
/// </summary>
public sealed class StreamBoundsApiFactory : ApiFactory
{
    public const int SubscriptionsPerCaller = 2;
    public const int SubscriptionsInAll = 3;
    public const int SendStreamsPerCaller = 1;
    public const int SendStreamsInAll = 2;
    public const int MaxReplayEvents = 4;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Conversations:Streaming:MaxSubscriptionsPerCaller"] = $"{SubscriptionsPerCaller}",
        ["Conversations:Streaming:MaxSubscriptions"] = $"{SubscriptionsInAll}",
        ["Conversations:Streaming:MaxSendStreamsPerCaller"] = $"{SendStreamsPerCaller}",
        ["Conversations:Streaming:MaxSendStreams"] = $"{SendStreamsInAll}",
        ["Conversations:Events:MaxReplayEvents"] = $"{MaxReplayEvents}",
    };
}
