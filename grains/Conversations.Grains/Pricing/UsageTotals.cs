namespace Conversations.Grains.Pricing;

/// <summary>One row of a ledger: the totals of a business number, UTC day, market, category, pricing type and currency.</summary>
[GenerateSerializer]
[Alias("usage-totals")]
public sealed class UsageTotals
{
    [Id(0)] public string BusinessNumberId { get; set; } = "";
    [Id(1)] public DateOnly Day { get; set; }
    [Id(2)] public string Market { get; set; } = "";
    [Id(3)] public string Category { get; set; } = "";
    [Id(4)] public string PricingType { get; set; } = "";
    [Id(5)] public string Currency { get; set; } = "";

    /// <summary>Messages charged (estimated) on this day.</summary>
    [Id(6)] public long Messages { get; set; }

    [Id(7)] public decimal EstimatedAmount { get; set; }

    /// <summary>Messages whose delivery Meta reported on this day, with this estimate.</summary>
    [Id(8)] public long Delivered { get; set; }

    /// <summary>Delivered messages whose reported category or pricing type differs from the estimate.</summary>
    [Id(9)] public long Mismatches { get; set; }

    /// <summary>Delivered messages by Meta's "category/pricing type".</summary>
    [Id(10)] public Dictionary<string, long> Reported { get; set; } = [];

    public (string, DateOnly, string, string, string, string) Key => (BusinessNumberId, Day, Market, Category, PricingType, Currency);
}
