namespace Conversations.Meta.Simulator;

/// <summary>The pricing object the simulator reports: per-message pricing (PMP), as Meta reports it since July 2025.</summary>
public sealed record SimulatedPricing(bool Billable, string Type, string Category)
{
    /// <summary>A free-form reply inside the customer service window, within the number's free monthly allowance.</summary>
    public static SimulatedPricing FreeService { get; } = new(false, "free_customer_service", "service");

    /// <summary>A free-form reply beyond the allowance (from October 2026): charged at the market's utility rate.</summary>
    public static SimulatedPricing ChargedService { get; } = new(true, "regular", "service");

    /// <summary>A template, charged at its category's rate (the simulator does not model free entry points or monthly free tiers).</summary>
    public static SimulatedPricing Template(string category) => new(true, "regular", category);
}
