namespace Conversations.Abstractions.Meta;

/// <summary>The pricing object of a status webhook: what Meta says it charged.</summary>
[GenerateSerializer, Immutable]
[Alias("pricing-report")]
public sealed record PricingReport(
    [property: Id(0)] bool Billable,
    [property: Id(1)] string PricingModel,
    [property: Id(2)] string Type,
    [property: Id(3)] string Category);
