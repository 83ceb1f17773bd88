namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>A registered business number: its WABA (templates), its portfolio (messaging limit, usage), its pace.</summary>
[GenerateSerializer, Immutable]
[Alias("business-number-profile")]
public sealed record BusinessNumberProfile(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string WabaId,
    [property: Id(2)] string PortfolioId,
    [property: Id(3)] int ThroughputPerSecond,
    [property: Id(4)] QualityRating Quality)
{
    /// <summary>Digits of the number as Meta displays it; null when the operator never gave it.</summary>
    [Id(5)] public string? DisplayPhoneNumber { get; init; }

    /// <summary>What Meta's account_update webhooks last said about the WABA: restrictions and ban.</summary>
    [Id(6)] public AccountStanding Standing { get; init; } = AccountStanding.Good;
}
