using Conversations.Abstractions.Limits;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// The outbound pace of one business number (keyed by its id): hands every message an instant to go to Meta so the
/// number never passes its messages per second, and refuses when the number's queue is full.
/// </summary>
[Alias("throughput-pacer")]
public interface IThroughputPacerGrain : IGrainWithStringKey
{
    [Alias("reserve")]
    Task<PaceSlot> Reserve(CancellationToken cancellationToken = default);

    /// <summary>
    /// A fresh slot for a message that came to its own too late to keep the pace (a late timer, a paused process); never
    /// refused, since the message was already admitted.
    /// </summary>
    [Alias("replace-missed")]
    Task<PaceSlot> ReplaceMissed(CancellationToken cancellationToken = default);

    /// <summary>What <see cref="Reserve"/> would answer now, reserving nothing (for dry runs).</summary>
    [Alias("peek"), ReadOnly]
    Task<PaceSlot> Peek(CancellationToken cancellationToken = default);

    /// <summary>
    /// The number's configured throughput changed; applies to the next reservation. One-way, so the business number
    /// grain never waits on a pacer that may itself be asking it for the number's profile.
    /// </summary>
    [Alias("set-rate"), OneWay]
    Task SetRate(int perSecond, CancellationToken cancellationToken = default);
}
