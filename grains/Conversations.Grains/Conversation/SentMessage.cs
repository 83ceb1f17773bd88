using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Conversation;

/// <summary>A send the conversation accepted, kept so a retry with the same idempotency key gets the same answer.</summary>
[GenerateSerializer, Immutable]
[Alias("sent-message")]
public sealed record SentMessage(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string ContentHash,
    [property: Id(2)] string MessageId,
    [property: Id(3)] MessageKind Kind,
    [property: Id(4)] DateTimeOffset AcceptedAt);
