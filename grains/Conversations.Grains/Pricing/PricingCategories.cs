namespace Conversations.Grains.Pricing;

/// <summary>Meta's billing categories, spelled as in the status webhook's pricing object and the rate card.</summary>
public static class PricingCategories
{
    public const string Marketing = "marketing";
    public const string Utility = "utility";
    public const string Authentication = "authentication";
    public const string AuthenticationInternational = "authentication_international";

    /// <summary>Free-form messages; never a row of the rate card: charged (from 2026-10) at the market's utility rate.</summary>
    public const string Service = "service";

    /// <summary>The categories a rate card prices.</summary>
    public static readonly IReadOnlyList<string> Carded = [Marketing, Utility, Authentication, AuthenticationInternational];
}
