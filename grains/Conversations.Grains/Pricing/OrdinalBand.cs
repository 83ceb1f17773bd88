namespace Conversations.Grains.Pricing;

/// <summary>The totals field a charge is counted in when its ordinal is at most <see cref="Through"/> (and above the band before).</summary>
public sealed record OrdinalBand(long Through, string Field);
