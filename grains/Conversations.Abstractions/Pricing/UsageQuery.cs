namespace Conversations.Abstractions.Pricing;

/// <summary>Which usage totals to read from a ledger: one business number or all, per day or for the whole month.</summary>
[GenerateSerializer, Immutable]
[Alias("usage-query")]
public sealed record UsageQuery(
    [property: Id(0)] string? BusinessNumberId,
    [property: Id(1)] bool GroupByDay);
