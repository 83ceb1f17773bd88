using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// Hands events to every sink after the change they describe is stored. A delivery failure is reported to the caller's
/// log and never fails the call that made the change: subscribers catch up from the hub's retained log or see the gap.
/// </summary>
public static class EventSinkPublishing
{
    /// <summary>
    /// Starts every event's publish in order before awaiting any, so a sink that queues (the feed appender) stores a
    /// call's events in one write and in order, instead of one write after another.
    /// </summary>
    public static async Task PublishEach(
        IReadOnlyList<IConversationEventSink> sinks,
        IEnumerable<PublishedEvent> events,
        Action<Exception, PublishedEvent> failed)
    {
        foreach (var sink in sinks)
        {
            var pending = events.Select(e => (Event: e, Published: Start(sink, e))).ToList();
            foreach (var (conversationEvent, published) in pending)
            {
                try
                {
                    await published;
                }
                catch (Exception e)
                {
                    failed(e, conversationEvent);
                }
            }
        }
    }

    private static Task Start(IConversationEventSink sink, PublishedEvent conversationEvent)
    {
        try
        {
            return sink.Publish(conversationEvent);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }
}
