namespace Conversations.Abstractions.Pricing;

/// <summary>
/// What a message is expected to cost: Meta's billing category ("marketing", "utility", "authentication",
/// "authentication_international", "service"), pricing type ("regular", "free_customer_service", "free_entry_point"),
/// amount and currency, for the customer's market under the pricing model in force at that date.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("charge-estimate")]
public sealed record ChargeEstimate(
    [property: Id(0)] string Category,
    [property: Id(1)] string PricingType,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Market,
    [property: Id(5)] string PricingModel);
