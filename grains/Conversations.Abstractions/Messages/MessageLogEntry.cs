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
    [property: Id(11)] Refusal? Refusal);
