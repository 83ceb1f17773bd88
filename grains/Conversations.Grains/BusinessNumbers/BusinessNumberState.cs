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
}
