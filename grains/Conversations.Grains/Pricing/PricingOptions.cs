using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Pricing;

/// <summary>The numbers of Meta's per-message pricing (spec section 4); configuration under "Conversations:Pricing".</summary>
public sealed class PricingOptions
{
    /// <summary>A JSON rate card replacing the embedded one (Pricing/rate-card.json); empty uses the embedded card.</summary>
    public string? RateCardPath { get; set; }

    /// <summary>
    /// The market (ISO region) the businesses of this deployment are in. Authentication to a market listed in
    /// <see cref="AuthenticationInternationalMarkets"/> is billed as authentication-international when it differs from this one.
    /// One value for every portfolio: per-portfolio markets belong to portfolio configuration when it exists.
    /// </summary>
    public string BusinessMarket { get; set; } = "US";

    /// <summary>
    /// Comma-separated markets where authentication from a business in another market is billed as authentication-international.
    /// A string, not a list, so configuration can replace it (a bound list would only append to the default).
    /// </summary>
    public string AuthenticationInternationalMarkets { get; set; } = "IN,ID,EG,MY,NG,PK,SA,ZA,AE";

    /// <summary>From this date (UTC) the 2026 model applies: service charged after the monthly allowance, utility in the window charged.</summary>
    public DateOnly ServiceChargedFrom { get; set; } = new(2026, 10, 1);

    /// <summary>Free service messages per business number per calendar month under the 2026 model.</summary>
    [Range(0, int.MaxValue)]
    public int FreeServiceMessagesPerMonth { get; set; } = 1000;

    /// <summary>
    /// How many charged message ids each monthly ledger remembers to answer a retried Charge with the first estimate.
    /// A conversation retries a charge only when the first call failed, at its next call; the whole state is written on
    /// every charge, so this bounds that write. Measured: 10,000 halved uniform sends per api core against 1,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ChargeIdsRemembered { get; set; } = 1_000;

    /// <summary>
    /// How many reported (delivered) message ids each monthly ledger remembers. Conversations already pass on only the
    /// first delivery with pricing; this covers a redelivery racing a silo failure.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ReportIdsRemembered { get; set; } = 1_000;

    public IReadOnlySet<string> AuthenticationInternationalMarketSet() =>
        AuthenticationInternationalMarkets
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => m.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
}
