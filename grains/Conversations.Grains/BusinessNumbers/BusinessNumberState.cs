using Conversations.Abstractions.BusinessNumbers;

namespace Conversations.Grains.BusinessNumbers;

[GenerateSerializer]
[Alias("business-number-state")]
public sealed class BusinessNumberState
{
    [Id(0)] public string? WabaId { get; set; }

    /// <summary>Null on numbers registered before portfolios existed: their portfolio is their WABA.</summary>
    [Id(1)] public string? PortfolioId { get; set; }

    /// <summary>Null means the configured default.</summary>
    [Id(2)] public int? ThroughputPerSecond { get; set; }

    [Id(3)] public QualityRating Quality { get; set; }

    /// <summary>Whether the WABA's template registry knows this number (false on numbers registered before it had to).</summary>
    [Id(4)] public bool KnownToTemplateRegistry { get; set; }

    /// <summary>Digits of the number as Meta displays it, which phone_number_quality_update names it by; null if never given.</summary>
    [Id(5)] public string? DisplayPhoneNumber { get; set; }

    /// <summary>What Meta's account_update webhooks last said about the WABA; null means in good standing.</summary>
    [Id(6)] public AccountStanding? Standing { get; set; }
}
