using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Pricing;

/// <summary>What pricing needs to know about one message at the moment it is sent.</summary>
[GenerateSerializer, Immutable]
[Alias("charge-request")]
public sealed record ChargeRequest(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string Customer,
    [property: Id(2)] string MessageId,
    [property: Id(3)] MessageKind Kind,
    [property: Id(4)] TemplateCategory? TemplateCategory,
    [property: Id(5)] bool WindowOpen,
    [property: Id(6)] bool EntryPointOpen,
    [property: Id(7)] DateTimeOffset At);
