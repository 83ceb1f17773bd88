namespace Conversations.Grains.Events;

/// <summary>
/// What a number's feed holds: its latest position (0 before any event), its oldest retained one, how many, and what they
/// count against the byte budget (<see cref="FeedEntrySize"/>).
/// </summary>
public sealed record EventFeedStatus(long LatestPosition, long OldestRetainedPosition, int RetainedEvents, long RetainedBytes)
{
    public static EventFeedStatus Empty { get; } = new(0, 1, 0, 0);
}
