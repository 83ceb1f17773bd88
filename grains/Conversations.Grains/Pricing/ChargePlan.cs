using System.Collections.Immutable;
using Conversations.Abstractions.Pricing;

namespace Conversations.Grains.Pricing;

/// <summary>
/// A message's price as a function of the one monthly ordinal it advances: which ordinal (none for a message that is
/// free whatever the month holds), and the estimate for each band of ordinals, ascending, the last one
/// <see cref="PriceBand.Unbounded"/>. The store counts the ordinal and picks the band in one atomic step, so the n-th
/// message is priced as the n-th however many are charged at once.
/// </summary>
public sealed record ChargePlan(string? Ordinal, ImmutableArray<PriceBand> Bands)
{
    /// <summary>A price that no ordinal changes: free messages.</summary>
    public static ChargePlan Flat(ChargeEstimate estimate) => new(null, [new PriceBand(PriceBand.Unbounded, estimate)]);

    /// <summary>The estimate of the message with this 1-based ordinal (any, for a plan without one).</summary>
    public ChargeEstimate EstimateAt(long ordinal) => Bands.First(b => ordinal <= b.Through).Estimate;
}
