using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;

namespace Conversations.Abstractions.Events;

/// <summary>
/// One event of one conversation. <see cref="Sequence"/> counts up by one per conversation, so a subscriber can tell
/// order and gaps; fields not relevant to the kind stay null.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("conversation-event")]
public sealed record PublishedEvent(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string Customer,
    [property: Id(2)] long Sequence,
    [property: Id(3)] ConversationEventKind Kind,
    [property: Id(4)] DateTimeOffset OccurredAt)
{
    [Id(5)] public DateTimeOffset? WindowExpiresAt { get; init; }

    /// <summary>Inbound: Meta's wamid; message events: our message id.</summary>
    [Id(6)] public string? MessageId { get; init; }

    [Id(7)] public string? Wamid { get; init; }

    [Id(8)] public string? InboundType { get; init; }

    [Id(9)] public string? Text { get; init; }

    [Id(10)] public MessageStatus? Status { get; init; }

    [Id(11)] public Refusal? Refusal { get; init; }

    [Id(12)] public string? TemplateName { get; init; }

    [Id(13)] public string? TemplateLanguage { get; init; }

    [Id(14)] public string? TemplateStatus { get; init; }

    /// <summary>The customer's other id, when the conversation knows it (as <see cref="Messages.ConversationSnapshot.LinkedCustomer"/>).</summary>
    [Id(15)] public string? LinkedCustomer { get; init; }

    // Account signals; Ids apart from the conversation's own fields, which other kinds may extend.

    /// <summary>QualityChanged: the number's rating now.</summary>
    [Id(30)] public QualityRating? Quality { get; init; }

    /// <summary>MessagingLimitChanged: the portfolio's tier now ("250" ... "unlimited").</summary>
    [Id(31)] public string? MessagingLimit { get; init; }

    /// <summary>AccountStandingChanged: the WABA's restrictions and ban now.</summary>
    [Id(32)] public AccountStanding? Standing { get; init; }
}
