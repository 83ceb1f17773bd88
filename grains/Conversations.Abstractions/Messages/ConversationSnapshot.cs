namespace Conversations.Abstractions.Messages;

/// <summary>A conversation as seen at one instant: whether free-form content may be sent now, and until when.</summary>
[GenerateSerializer, Immutable]
[Alias("conversation-snapshot")]
public sealed record ConversationSnapshot(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string Customer,
    [property: Id(2)] bool WindowOpen,
    [property: Id(3)] DateTimeOffset? WindowExpiresAt,
    [property: Id(4)] DateTimeOffset? LastInboundAt,
    [property: Id(5)] DateTimeOffset? WindowClosedAt)
{
    // Id(6) was ExpiryReminderArmed, grain plumbing that left the snapshot: never reuse it.

    [Id(7)] public bool MarketingOptedOut { get; init; }

    [Id(8)] public DateTimeOffset? MarketingSuppressedUntil { get; init; }

    /// <summary>Send time of the latest inbound that came through a free entry point.</summary>
    [Id(9)] public DateTimeOffset? LastReferralAt { get; init; }

    /// <summary>
    /// The customer's other id, when the conversation knows it: the BSUID of a conversation keyed by phone number, the
    /// phone number of one keyed by BSUID (<see cref="Customer"/> is the key's).
    /// </summary>
    [Id(10)] public string? LinkedCustomer { get; init; }

    /// <summary>Both ids of the customer: <see cref="Customer"/> and <see cref="LinkedCustomer"/> as phone and BSUID.</summary>
    public Identity.CustomerIdentity Identity => Conversations.Abstractions.Identity.CustomerIdentity.Of(Customer, LinkedCustomer);
}
