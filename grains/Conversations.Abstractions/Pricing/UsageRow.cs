using System.Collections.Immutable;

namespace Conversations.Abstractions.Pricing;

/// <summary>
/// Usage totals of one business number, day (null: the whole month), market, category and pricing type: what we
/// estimated when the messages were sent, and what Meta reported once they were delivered. Messages count on the day
/// they were charged, deliveries on the day they were delivered. <see cref="Reported"/> counts deliveries by Meta's
/// "category/pricing type" (e.g. "utility/regular"); <see cref="Mismatches"/> those where either differs from ours.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("usage-row")]
public sealed record UsageRow(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] DateOnly? Day,
    [property: Id(2)] string Market,
    [property: Id(3)] string Category,
    [property: Id(4)] string PricingType,
    [property: Id(5)] string Currency,
    [property: Id(6)] long Messages,
    [property: Id(7)] decimal EstimatedAmount,
    [property: Id(8)] long Delivered,
    [property: Id(9)] long Mismatches,
    [property: Id(10)] ImmutableDictionary<string, long> Reported);
