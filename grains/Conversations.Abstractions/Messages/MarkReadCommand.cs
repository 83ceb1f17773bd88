namespace Conversations.Abstractions.Messages;

/// <summary>Mark the customer's message <paramref name="MessageId"/> (its wamid) read, showing a typing indicator when asked.</summary>
[GenerateSerializer, Immutable]
[Alias("mark-read-command")]
public sealed record MarkReadCommand(
    [property: Id(0)] string MessageId,
    [property: Id(1)] bool TypingIndicator);
