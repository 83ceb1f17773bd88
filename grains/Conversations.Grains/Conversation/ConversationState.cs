namespace Conversations.Grains.Conversation;

/// <summary>What a conversation persists. Field ids are stored in Redis: add new ids, never renumber.</summary>
[GenerateSerializer]
[Alias("conversation-state")]
public sealed class ConversationState
{
    /// <summary>The latest customer send time seen; the window is derived from it, never stored separately.</summary>
    [Id(0)] public DateTimeOffset? LastInboundAt { get; set; }

    /// <summary>Set by the expiry reminder once the window has really closed; cleared when the customer writes again.</summary>
    [Id(1)] public DateTimeOffset? WindowClosedAt { get; set; }

    [Id(2)] public bool ExpiryReminderArmed { get; set; }

    /// <summary>The most recent inbound message ids, oldest first, so Meta's redeliveries change nothing.</summary>
    [Id(3)] public List<string> RecentInboundIds { get; set; } = [];

    /// <summary>The message log, oldest first: idempotency memory, scheduled sends and their outcomes.</summary>
    [Id(4)] public List<ConversationMessage> Messages { get; set; } = [];
}
