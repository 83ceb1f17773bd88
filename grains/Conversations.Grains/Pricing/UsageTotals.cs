namespace Conversations.Grains.Pricing;

/// <summary>One row of a ledger: the totals of a business number, UTC day, market, category, pricing type and currency.</summary>
public sealed class UsageTotals
{
    public required string BusinessNumberId { get; init; }
    public required DateOnly Day { get; init; }
    public required string Market { get; init; }
    public required string Category { get; init; }
    public required string PricingType { get; init; }
    public required string Currency { get; init; }

    /// <summary>Messages charged (estimated) on this day.</summary>
    public long Messages { get; set; }

    public decimal EstimatedAmount { get; set; }

    /// <summary>Messages whose delivery Meta reported on this day, with this estimate.</summary>
    public long Delivered { get; set; }

    /// <summary>Delivered messages whose reported category or pricing type differs from the estimate.</summary>
    public long Mismatches { get; set; }

    /// <summary>Delivered messages by Meta's "category/pricing type".</summary>
    public Dictionary<string, long> Reported { get; } = new(StringComparer.Ordinal);
}
