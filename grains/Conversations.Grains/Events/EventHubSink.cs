using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// Hands each conversation event to its business number's hub. Awaited, not one-way: the conversation publishes its
/// next event only after the hub logged this one, so one conversation's events keep their order, and a failed hand-off
/// is at least logged by the conversation instead of vanishing.
/// </summary>
public sealed class EventHubSink(IGrainFactory grains) : IConversationEventSink
{
    public Task Publish(ConversationEvent conversationEvent) =>
        grains.GetGrain<IConversationEventHubGrain>(conversationEvent.BusinessNumberId).Append(conversationEvent);
}
