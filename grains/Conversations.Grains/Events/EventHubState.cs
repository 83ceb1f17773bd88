namespace Conversations.Grains.Events;

/// <summary>
/// All a hub persists: the positions it may have handed out. A new activation starts after them, so positions only
/// grow, and a subscriber resuming from before a restart is told that the events in between are gone.
/// </summary>
[GenerateSerializer]
[Alias("event-hub-state")]
public sealed class EventHubState
{
    [Id(0)] public long ReservedThrough { get; set; }
}
