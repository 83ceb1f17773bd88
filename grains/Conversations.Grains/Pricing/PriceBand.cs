using Conversations.Abstractions.Pricing;

namespace Conversations.Grains.Pricing;

/// <summary>What a message costs when its ordinal of the month is at most <see cref="Through"/> (and above the band before).</summary>
public sealed record PriceBand(long Through, ChargeEstimate Estimate)
{
    /// <summary>The <see cref="Through"/> of the last band: every ordinal past the others.</summary>
    public const long Unbounded = long.MaxValue;
}
