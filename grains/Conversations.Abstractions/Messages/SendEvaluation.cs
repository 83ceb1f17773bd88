using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Messages;

/// <summary>What a send would do now, without doing it.</summary>
[GenerateSerializer, Immutable]
[Alias("send-evaluation")]
public sealed record SendEvaluation(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] MessageKind? Kind,
    [property: Id(2)] TemplateCategory? TemplateCategory,
    [property: Id(3)] bool UsedFallback,
    [property: Id(4)] Refusal? Refusal,
    [property: Id(5)] ConversationSnapshot Conversation)
{
    /// <summary>What the message would cost if sent now.</summary>
    [Id(6)] public Pricing.ChargeEstimate? Charge { get; init; }
}
