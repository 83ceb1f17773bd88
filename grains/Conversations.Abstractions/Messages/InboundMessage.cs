namespace Conversations.Abstractions.Messages;

/// <summary>A message the customer sent, as Meta reported it.</summary>
[GenerateSerializer, Immutable]
[Alias("inbound-message")]
public sealed record InboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset SentAt,
    [property: Id(2)] InboundMessageType Type,
    [property: Id(3)] string? Text);
