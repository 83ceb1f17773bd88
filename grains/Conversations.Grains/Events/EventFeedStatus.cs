namespace Conversations.Grains.Events;

/// <summary>What a number's feed holds: its latest position (0 before any event), its oldest retained one, and how many.</summary>
public sealed record EventFeedStatus(long LatestPosition, long OldestRetainedPosition, int RetainedEvents)
{
    public static EventFeedStatus Empty { get; } = new(0, 1, 0);
}
