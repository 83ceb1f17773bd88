using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// One event as a subscriber receives it. <see cref="EventsMissedBefore"/>: events between the subscriber's previous
/// position and this one were no longer retained, so some may never reach it.
/// </summary>
public sealed record FeedEvent(long Position, PublishedEvent Event, bool EventsMissedBefore);
