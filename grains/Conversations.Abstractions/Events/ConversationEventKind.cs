namespace Conversations.Abstractions.Events;

/// <summary>What happened in a conversation. Persisted and on the wire: never renumber.</summary>
[GenerateSerializer]
[Alias("conversation-event-kind")]
public enum ConversationEventKind
{
    InboundMessage = 1,
    WindowOpened = 2,
    WindowExtended = 3,
    WindowClosingSoon = 4,
    WindowClosed = 5,
    MessageStatusChanged = 6,
    ScheduledSendDecided = 7,
    TemplateStatusChanged = 8,
}
