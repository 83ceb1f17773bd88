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

    // Account signals of the number, its WABA and its portfolio: number-wide (no customer). Numbered apart so that
    // kinds added beside the conversation's own elsewhere never take the same number.

    /// <summary>Meta changed the number's quality rating (phone_number_quality_update).</summary>
    QualityChanged = 300,

    /// <summary>Meta changed the messaging limit of the number's portfolio (business_capability_update, phone_number_quality_update).</summary>
    MessagingLimitChanged = 301,

    /// <summary>Meta restricted, banned, lifted or reinstated the number's WABA (account_update).</summary>
    AccountStandingChanged = 302,
}
