using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// Where each business number's events are kept for subscribers, numbered with positions that count up by one per
/// event, across every silo that appends. Embedded silos keep them in memory (<see cref="InMemoryEventFeedStore"/>);
/// a Redis deployment in a stream per number, so a subscriber's cursor outlives any silo.
/// </summary>
public interface IEventFeedStore
{
    /// <summary>Appends the events in order, in one write, at consecutive positions; returns the position of the last.</summary>
    Task<long> Append(string businessNumberId, IReadOnlyList<PublishedEvent> events);

    /// <summary>
    /// The retained events after <paramref name="afterPosition"/> (of <paramref name="customer"/> only, unless null),
    /// oldest first. The range reaches the latest position unless <paramref name="maxCount"/> cut it short, and is
    /// <see cref="EventRange.Truncated"/> when events after <paramref name="afterPosition"/> are no longer retained.
    /// </summary>
    Task<EventRange> Read(string businessNumberId, long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default);

    Task<EventFeedStatus> Status(string businessNumberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes every retained event of <paramref name="customer"/> from the number's feed (right to erasure), leaving the
    /// other customers' events at their positions; returns how many it removed. A read never returns them again, and
    /// the gaps they leave are not reported as <see cref="EventRange.Truncated"/>.
    /// </summary>
    Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken = default);
}
