namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("send-receipt")]
public sealed record SendReceipt(
    [property: Id(0)] string MessageId,
    [property: Id(1)] MessageKind Kind,
    [property: Id(2)] DateTimeOffset AcceptedAt,
    [property: Id(3)] ConversationSnapshot Conversation,
    [property: Id(4)] bool Replayed);
