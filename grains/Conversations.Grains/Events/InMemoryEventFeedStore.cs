using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Events;

/// <summary>
/// The feed store of an embedded silo: each number's most recent events in this process's memory, gone with it, like
/// the rest of the embedded mode's state. One lock per number, held for the few microseconds of an append or a read.
/// </summary>
public sealed class InMemoryEventFeedStore(IOptions<EventHubOptions> options, TimeProvider time) : IEventFeedStore
{
    private readonly ConcurrentDictionary<string, RetainedEventLog> _logs = new(StringComparer.Ordinal);

    public Task<long> Append(string businessNumberId, IReadOnlyList<PublishedEvent> events)
    {
        var log = Log(businessNumberId);
        lock (log)
        {
            var now = time.GetUtcNow();
            foreach (var conversationEvent in events)
            {
                log.Append(conversationEvent, now);
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
            return Task.FromResult(new EventFeedStatus(log.LatestPosition, log.OldestRetainedPosition, log.Count));
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
        _logs.GetOrAdd(businessNumberId, _ => new RetainedEventLog(1, options.Value.RetainedEvents, options.Value.Retention));
}
