using System.Collections.Immutable;

namespace Conversations.Abstractions.Events;

/// <summary>
/// Every event of one subscription (its business number, and its customer if it has one) whose position lies in
/// (<see cref="After"/>, <see cref="Through"/>]. A subscriber that has everything up to <see cref="After"/> has
/// everything up to <see cref="Through"/> once it applies this range; if it has less, it knows it missed a push and
/// reads the gap from the hub.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("event-range")]
public sealed record EventRange(
    [property: Id(0)] long After,
    [property: Id(1)] long Through,
    [property: Id(2)] ImmutableArray<PositionedEvent> Events)
{
    /// <summary>
    /// Events after <see cref="After"/> were dropped from the hub's retention (or lost when it restarted) before this
    /// range was read: the range is complete only from the oldest retained position.
    /// </summary>
    [Id(3)] public bool Truncated { get; init; }
}
