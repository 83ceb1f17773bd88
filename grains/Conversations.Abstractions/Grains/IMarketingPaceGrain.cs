using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// The slowed marketing rate of one business number (keyed by its id) while the quality guard slows it: a burst of the
/// rate, refilled evenly over each second. In memory: a restart starts with a full burst.
/// </summary>
[Alias("marketing-pace")]
public interface IMarketingPaceGrain : IGrainWithStringKey
{
    /// <summary>Null when a marketing send may go at <paramref name="perSecond"/> (and one is taken), else how long until one may.</summary>
    [Alias("take")]
    Task<TimeSpan?> Take(int perSecond, CancellationToken cancellationToken = default);

    /// <summary>What <see cref="Take"/> would answer now, taking nothing (for dry runs).</summary>
    [Alias("peek"), ReadOnly]
    Task<TimeSpan?> Peek(int perSecond, CancellationToken cancellationToken = default);
}
