using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Conversation;

/// <summary>
/// A send in the conversation's log: its public entry, the digest that makes its idempotency key safe to retry, and,
/// while it is scheduled, the command itself so it can be decided at its send time even after a restart.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("conversation-message")]
public sealed record ConversationMessage(
    [property: Id(0)] MessageLogEntry Entry,
    [property: Id(1)] string ContentHash,
    [property: Id(2)] SendCommand? Pending)
{
    /// <summary>
    /// Written before the call to Meta and cleared with its answer. Found set on activation, it means the silo died
    /// mid-call: the message is never resent blindly, so delivery stays at most once.
    /// </summary>
    [Id(3)] public bool Dispatching { get; init; }

    /// <summary>
    /// The conversation's event sequence when this record was appended to the message log. A status change publishes an
    /// event without writing the conversation's state, so activation takes the highest of these and the state's own.
    /// </summary>
    [Id(4)] public long Sequence { get; init; }

    /// <summary>
    /// The W3C traceparent of the span that handed the message to Meta, when spans were recorded: the status webhooks that
    /// come back link to it (<see cref="Telemetry.ConversationActivities.Status"/>). Null, and a byte in storage, otherwise.
    /// </summary>
    [Id(5)] public string? TraceParent { get; init; }
}
