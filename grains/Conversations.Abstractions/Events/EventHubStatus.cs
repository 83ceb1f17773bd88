namespace Conversations.Abstractions.Events;

/// <summary>Where a business number's event hub stands; positions are 0 before its first event.</summary>
[GenerateSerializer, Immutable]
[Alias("event-hub-status")]
public sealed record EventHubStatus(
    [property: Id(0)] long LatestPosition,
    [property: Id(1)] long OldestRetainedPosition,
    [property: Id(2)] int RetainedEvents,
    [property: Id(3)] int Subscribers)
{
    /// <summary>What the retained events count against the number's byte budget (Conversations:Events:RetainedBytes).</summary>
    [Id(4)] public long RetainedBytes { get; init; }
}
