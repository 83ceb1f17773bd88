namespace Conversations.Abstractions.Limits;

/// <summary>
/// When a message may go to Meta under its business number's throughput: accepted with the instant to send at, or
/// refused because the number's queue is full, with how long until it has room.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("pace-slot")]
public sealed record PaceSlot(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] DateTimeOffset SendAt,
    [property: Id(2)] TimeSpan RetryAfter,
    [property: Id(3)] int PerSecond);
