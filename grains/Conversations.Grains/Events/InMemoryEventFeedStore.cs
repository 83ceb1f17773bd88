using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Conversations.Grains.Events;

/// <summary>
/// The feed store of an embedded silo: each number's most recent events in this process's memory, gone with it, like
/// the rest of the embedded mode's state. One lock per number, held for the few microseconds of an append or a read.
/// Each event is measured in the binary format the Redis store keeps, so both keep the same events of a number.
/// </summary>
public sealed class InMemoryEventFeedStore(IOptions<EventHubOptions> options, TimeProvider time, Serializer serializer) : IEventFeedStore
{
    private readonly ConcurrentDictionary<string, RetainedEventLog> _logs = new(StringComparer.Ordinal);

    public Task<long> Append(string businessNumberId, IReadOnlyList<PublishedEvent> events)
    {
        var sizes = events.Select(e => FeedEntrySize.Of(serializer.SerializeToArray(e).Length, e.Customer)).ToList();
        var log = Log(businessNumberId);
        lock (log)
        {
            var now = time.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                log.Append(events[i], sizes[i], now);
            }

            return Task.FromResult(log.LatestPosition);
        }
    }

    public Task<EventRange> Read(string businessNumberId, long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default)
    {
        var log = Log(businessNumberId);
        lock (log)
        {
            return Task.FromResult(log.Read(afterPosition, customer, maxCount, time.GetUtcNow()));
        }
    }

    public Task<EventFeedStatus> Status(string businessNumberId, CancellationToken cancellationToken = default)
    {
        var log = Log(businessNumberId);
        lock (log)
        {
            return Task.FromResult(new EventFeedStatus(log.LatestPosition, log.OldestRetainedPosition, log.Count, log.Bytes));
        }
    }

    public Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken = default)
    {
        var log = Log(businessNumberId);
        lock (log)
        {
            return Task.FromResult(log.Erase(customer));
        }
    }

    private RetainedEventLog Log(string businessNumberId) =>
        _logs.GetOrAdd(businessNumberId, _ => new RetainedEventLog(1, options.Value.RetainedEvents, options.Value.RetainedBytes, options.Value.Retention));
}
