namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>A registered business number: its WABA (templates), its portfolio (messaging limit, usage), its pace.</summary>
[GenerateSerializer, Immutable]
[Alias("business-number-profile")]
public sealed record BusinessNumberProfile(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string WabaId,
    [property: Id(2)] string PortfolioId,
    [property: Id(3)] int ThroughputPerSecond,
    [property: Id(4)] QualityRating Quality);
