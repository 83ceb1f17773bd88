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
    /// The rate of the <paramref name="ordinal"/>-th charged message of the month (1-based): marginal, so each message
    /// costs the rate of the tier its own ordinal falls in, not the tier the month ends in.
    /// </summary>
    public decimal RateFor(long ordinal)
    {
        var rate = Rate;
        foreach (var tier in Tiers)
        {
            if (ordinal <= tier.FromMessages)
            {
                break;
            }

            rate = tier.Rate;
        }

        return rate;
    }
}
