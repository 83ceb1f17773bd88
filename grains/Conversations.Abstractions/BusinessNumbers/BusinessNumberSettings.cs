namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>
/// What an operator says about a business number. A null setting keeps what the number has (or the default on first
/// registration): the portfolio defaults to the WABA, the throughput to Meta's default. The display phone number
/// (digits) is how Meta's phone_number_quality_update names the number.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("business-number-settings")]
public sealed record BusinessNumberSettings(
    [property: Id(0)] string WabaId,
    [property: Id(1)] string? PortfolioId = null,
    [property: Id(2)] int? ThroughputPerSecond = null,
    [property: Id(3)] QualityRating? Quality = null,
    [property: Id(4)] string? DisplayPhoneNumber = null);
