namespace Conversations.Grains.Pricing;

/// <summary>Meta's pricing types: whether a delivered message is charged, and if not, why.</summary>
public static class PricingTypes
{
    public const string Regular = "regular";
    public const string FreeCustomerService = "free_customer_service";
    public const string FreeEntryPoint = "free_entry_point";
}
