namespace Conversations.Abstractions.Messages;

/// <summary>
/// Meta took a read receipt: the customer's message (and the ones before it) show as read, and the typing indicator, when
/// asked, shows until the business replies or 25 s pass. Never a business message: no charge, no messaging limit, no pace.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("marked-read")]
public sealed record MarkedRead(
    [property: Id(0)] string MessageId,
    [property: Id(1)] bool TypingIndicator,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] DateTimeOffset MarkedAt);
