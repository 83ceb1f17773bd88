namespace Conversations.Grains.Conversation;

/// <summary>What a conversation persists. Field ids are stored in Redis: add new ids, never renumber.</summary>
[GenerateSerializer]
[Alias("conversation-state")]
public sealed class ConversationState
{
    /// <summary>The latest customer send time seen; the window is derived from it, never stored separately.</summary>
    [Id(0)] public DateTimeOffset? LastInboundAt { get; set; }

    // Id(1) held WindowClosedAt, written and never read: stored states may still carry it, so the id stays reserved.

    /// <summary>Whether the expiry reminder exists for the open window; cleared when it records the close.</summary>
    [Id(2)] public bool ExpiryReminderArmed { get; set; }

    /// <summary>Before <see cref="RecentInbound"/>: the ids themselves. <see cref="InboundIds.Upgrade"/> moves them into <see cref="InboundSeen"/>.</summary>
    [Id(3)] public List<string> RecentInboundIds { get; set; } = [];

    /// <summary>
    /// Before the message log moved to its own append-only store (<see cref="IMessageLogStore"/>), the whole log was part of
    /// this state and rewritten with it. A state that still carries one hands it to the store on activation and clears it.
    /// </summary>
    [Id(4)] public List<ConversationMessage> Messages { get; set; } = [];

    /// <summary>When Meta failed a free-form send with 131047 although our window was open: Meta's view wins until the customer writes again.</summary>
    [Id(5)] public DateTimeOffset? ClosedByMetaAt { get; set; }

    /// <summary>The customer stopped marketing from this business (user_preferences stop, or a 131050).</summary>
    [Id(6)] public bool MarketingOptedOut { get; set; }

    /// <summary>Meta capped marketing to this customer (131049); no marketing before this instant.</summary>
    [Id(7)] public DateTimeOffset? MarketingSuppressedUntil { get; set; }

    /// <summary>Send time of the latest inbound that came through a free entry point (ad or Page button).</summary>
    [Id(8)] public DateTimeOffset? LastReferralAt { get; set; }

    /// <summary>Meta's business-scoped user id, once a webhook showed it.</summary>
    [Id(9)] public string? UserId { get; set; }

    /// <summary>When the marketing preference above was stated, so an older webhook never overrides a newer one.</summary>
    [Id(10)] public DateTimeOffset? MarketingPreferenceAt { get; set; }

    /// <summary>The sequence number of the last event this conversation published.</summary>
    [Id(11)] public long EventSequence { get; set; }

    /// <summary>The window end for which "closing soon" was already announced, so each window announces it once.</summary>
    [Id(12)] public DateTimeOffset? ClosingSoonAnnouncedFor { get; set; }

    /// <summary>When the business's first reply to a free-entry-point customer opened the 72 h free entry point window.</summary>
    [Id(13)] public DateTimeOffset? EntryPointOpenedAt { get; set; }

    /// <summary>Scheduled sends not decided yet, oldest first; each moves to the message log when it is decided or cancelled.</summary>
    [Id(14)] public List<ConversationMessage> Scheduled { get; set; } = [];

    /// <summary>
    /// Whether this conversation's message log may hold anything: set, and written, before its first record is appended,
    /// so a conversation that never sent does not read its log on activation.
    /// </summary>
    [Id(15)] public bool LogStarted { get; set; }

    /// <summary>
    /// Before <see cref="InboundSeen"/>: the last 64 inbound message ids' hashes, without when they were seen, so a
    /// redelivery of an older one was taken again. <see cref="InboundIds.Upgrade"/> moves them into <see cref="InboundSeen"/>.
    /// </summary>
    [Id(16)] public List<ulong> RecentInbound { get; set; } = [];

    /// <summary>
    /// The inbound message ids seen within the dedupe window, oldest first, packed by <see cref="InboundIds"/> (a 64-bit
    /// hash and the second it was seen, 12 bytes each), so Meta's redeliveries change nothing for as long as Meta redelivers.
    /// </summary>
    [Id(17)] public byte[] InboundSeen { get; set; } = [];

    /// <summary>The customer's phone number, in a conversation keyed by their BSUID, once a webhook showed it.</summary>
    [Id(18)] public string? Phone { get; set; }

    /// <summary>
    /// The customer's messages this conversation may still mark read, oldest first, packed as <see cref="InboundIds"/> packs
    /// <see cref="InboundSeen"/> but with the second the customer sent each (<see cref="ReadableInbound"/>).
    /// </summary>
    [Id(19)] public byte[] InboundReadable { get; set; } = [];
}
