using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("send-receipt")]
public sealed record SendReceipt(
    [property: Id(0)] string MessageId,
    [property: Id(1)] MessageKind Kind,
    [property: Id(2)] DateTimeOffset AcceptedAt,
    [property: Id(3)] ConversationSnapshot Conversation,
    [property: Id(4)] bool Replayed)
{
    /// <summary>True when the window was closed and the fallback template went instead of the free-form content.</summary>
    [Id(5)] public bool UsedFallback { get; init; }

    [Id(6)] public MessageStatus Status { get; init; } = MessageStatus.Accepted;

    [Id(7)] public DateTimeOffset? ScheduledFor { get; init; }

    [Id(8)] public TemplateCategory? TemplateCategory { get; init; }

    /// <summary>Meta's message id, once Meta accepted it.</summary>
    [Id(9)] public string? Wamid { get; init; }

    /// <summary>What the message is expected to cost; Meta charges only once it is delivered.</summary>
    [Id(10)] public Pricing.ChargeEstimate? Charge { get; init; }
}
