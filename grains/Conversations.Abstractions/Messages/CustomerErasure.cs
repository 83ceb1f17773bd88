namespace Conversations.Abstractions.Messages;

/// <summary>
/// What erasing one customer's conversation with one business number removed. Every count may be zero: erasing a
/// conversation that was never stored, or was erased already, succeeds and says so.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("customer-erasure")]
public sealed record CustomerErasure(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string Customer,
    [property: Id(2)] bool ConversationExisted,
    [property: Id(3)] int Messages,
    [property: Id(4)] int ScheduledSendsCancelled,
    [property: Id(5)] int Events,
    [property: Id(6)] int UsageMarkers,
    [property: Id(7)] bool MessagingLimitReach)
{
    /// <summary>The number's kept webhook events (dead letters) that named the customer, removed with the rest.</summary>
    [Id(8)] public int DeadLetters { get; init; }
}
