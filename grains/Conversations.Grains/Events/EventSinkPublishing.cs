using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// Hands events to every sink after the change they describe is stored. A delivery failure is reported to the caller's
/// log and never fails the call that made the change: subscribers catch up from the hub's retained log or see the gap.
/// </summary>
public static class EventSinkPublishing
{
    public static async Task PublishEach(
        IReadOnlyList<IConversationEventSink> sinks,
        IEnumerable<PublishedEvent> events,
        Action<Exception, PublishedEvent> failed)
    {
        foreach (var sink in sinks)
        {
            foreach (var conversationEvent in events)
            {
                try
                {
                    await sink.Publish(conversationEvent);
                }
                catch (Exception e)
                {
                    failed(e, conversationEvent);
                }
            }
        }
    }
}
