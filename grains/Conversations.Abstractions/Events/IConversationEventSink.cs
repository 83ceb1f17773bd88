namespace Conversations.Abstractions.Events;

/// <summary>
/// Where a conversation grain hands its events, after its state write succeeded. Implementations must not block the
/// grain for long: delivery to subscribers is theirs, and a failure to deliver must not fail the conversation's call.
/// </summary>
public interface IConversationEventSink
{
    Task Publish(PublishedEvent conversationEvent);
}
