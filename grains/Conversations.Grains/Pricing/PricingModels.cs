namespace Conversations.Grains.Pricing;

/// <summary>Which rules priced an estimate. Meta itself reports "PMP" for both; the year tells our two rule sets apart.</summary>
public static class PricingModels
{
    /// <summary>Per-message pricing as of 2025-07-01; also applied to earlier dates, which Meta billed per conversation (CBP).</summary>
    public const string Pmp2025 = "PMP_2025";

    /// <summary>Per-message pricing as of 2026-10-01: service charged after the monthly allowance, utility in the window charged.</summary>
    public const string Pmp2026 = "PMP_2026";
}
