using System.Collections.Immutable;

namespace Conversations.Grains.Pricing;

/// <summary>One price of the rate card: a market's category from a date on, with optional volume tiers (ascending).</summary>
public sealed record RateCardRow(
    DateOnly EffectiveFrom,
    string Market,
    string Category,
    string Currency,
    decimal Rate,
    ImmutableArray<VolumeTier> Tiers)
{
    /// <summary>
    /// The row's rates by ordinal of the month's charged messages (1-based), ascending: each rate applies to the ordinals
    /// up to and including its Through, the last to every later one. Marginal, so each message costs the rate of the tier
    /// its own ordinal falls in, not the tier the month ends in: a tier "from N" prices the (N+1)-th message on.
    /// </summary>
    public IEnumerable<(long Through, decimal Rate)> RatesByOrdinal()
    {
        var rate = Rate;
        foreach (var tier in Tiers)
        {
            yield return (tier.FromMessages, rate);
            rate = tier.Rate;
        }

        yield return (PriceBand.Unbounded, rate);
    }
}
