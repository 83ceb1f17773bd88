namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("send-command")]
public sealed record SendCommand([property: Id(0)] string IdempotencyKey, [property: Id(1)] MessageContent Content);
