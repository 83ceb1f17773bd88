using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Events;

/// <summary>
/// Where this silo's conversations hand their events: straight into the feed store, then, one-way, to the number's hub
/// for live subscribers. Per number, one store write is under way at a time and the events published meanwhile go into
/// the next one, so a busy number costs a write per batch, not per event, and a publish starts no timer. A conversation
/// awaits its event's write before publishing its next, so its events keep their order, and once its call returned its
/// events are in the store.
/// </summary>
public sealed class EventFeedAppender(IEventFeedStore store, GrainReferences grains, IOptions<EventHubOptions> options, ILogger<EventFeedAppender> logger)
    : IConversationEventSink
{
    private readonly ConcurrentDictionary<string, CoalescingQueue<PublishedEvent>> _numbers = new(StringComparer.Ordinal);

    public Task Publish(PublishedEvent conversationEvent) =>
        _numbers.GetOrAdd(conversationEvent.BusinessNumberId, number => new CoalescingQueue<PublishedEvent>(events => Append(number, events), options.Value.MaxAppendBatch))
            .Enqueue(conversationEvent);

    private async Task Append(string businessNumberId, IReadOnlyList<PublishedEvent> events)
    {
        var last = await store.Append(businessNumberId, events);
        var after = last - events.Count;
        var batch = new EventRange(after, last, [.. events.Select((e, i) => new PositionedEvent(after + 1 + i, e))]);
        try
        {
            await grains.Get<IConversationEventHubGrain>(businessNumberId).Published(batch);
        }
        catch (Exception e)
        {
            // Stored is what counts: subscribers read what a lost push would have told them.
            logger.LogWarning(e, "Pushing positions {After}..{Through} to the hub failed; subscribers read them from the store", after + 1, last);
        }
    }
}
