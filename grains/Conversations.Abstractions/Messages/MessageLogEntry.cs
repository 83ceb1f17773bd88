using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Messages;

/// <summary>One message of a conversation's log: what was asked, what was decided, and where it stands.</summary>
[GenerateSerializer, Immutable]
[Alias("message-log-entry")]
public sealed record MessageLogEntry(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] string RequestedType,
    [property: Id(3)] MessageKind? Kind,
    [property: Id(4)] MessageStatus Status,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? DecidedAt,
    [property: Id(7)] DateTimeOffset? ScheduledFor,
    [property: Id(8)] bool UsedFallback,
    [property: Id(9)] string? TemplateName,
    [property: Id(10)] TemplateCategory? TemplateCategory,
    [property: Id(11)] Refusal? Refusal)
{
    /// <summary>Meta's message id, once Meta accepted the message.</summary>
    [Id(12)] public string? Wamid { get; init; }

    /// <summary>Why Meta refused or failed it.</summary>
    [Id(13)] public Meta.MetaError? MetaError { get; init; }

    [Id(14)] public DateTimeOffset? SentAt { get; init; }

    [Id(15)] public DateTimeOffset? DeliveredAt { get; init; }

    [Id(16)] public DateTimeOffset? ReadAt { get; init; }

    [Id(17)] public DateTimeOffset? FailedAt { get; init; }

    /// <summary>What Meta reported it charged, from the status webhook.</summary>
    [Id(18)] public Meta.PricingReport? Pricing { get; init; }

    /// <summary>What we estimated it costs, priced when it was sent.</summary>
    [Id(19)] public Pricing.ChargeEstimate? Charge { get; init; }
}
