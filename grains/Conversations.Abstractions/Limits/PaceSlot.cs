namespace Conversations.Abstractions.Limits;

/// <summary>
/// When a message may go to Meta under its business number's throughput: accepted with the instant to send at, or
/// refused because the number's queue is full, with how long until it has room.
/// </summary>
/// <param name="SendAt">The slot on the clock of whoever holds it: the pacer's, until the holder re-anchors it on its own.</param>
/// <param name="Wait">
/// How long after the pacer answered the slot comes. The holder counts it from when it received the answer, so the hop
/// can only make a message later, and a difference between two silos' clocks never makes it early.
/// </param>
[GenerateSerializer, Immutable]
[Alias("pace-slot")]
public sealed record PaceSlot(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] DateTimeOffset SendAt,
    [property: Id(2)] TimeSpan RetryAfter,
    [property: Id(3)] int PerSecond,
    [property: Id(4)] TimeSpan Wait);
