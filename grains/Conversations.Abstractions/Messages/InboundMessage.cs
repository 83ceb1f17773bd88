namespace Conversations.Abstractions.Messages;

/// <summary>A message the customer sent, as Meta reported it.</summary>
[GenerateSerializer, Immutable]
[Alias("inbound-message")]
public sealed record InboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset SentAt,
    [property: Id(2)] InboundMessageType Type,
    [property: Id(3)] string? Text)
{
    /// <summary>Set when the customer came from a Click-to-WhatsApp ad or a Page button ("ad" or "post"): a free entry point.</summary>
    [Id(4)] public string? ReferralSourceType { get; init; }

    /// <summary>Meta's business-scoped user id (BSUID), when the webhook carried one.</summary>
    [Id(5)] public string? UserId { get; init; }

    /// <summary>The customer's phone number (wa_id), when Meta showed it; a conversation keyed by BSUID learns it from here.</summary>
    [Id(6)] public string? Phone { get; init; }
}
