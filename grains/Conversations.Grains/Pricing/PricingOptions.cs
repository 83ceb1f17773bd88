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
    /// How long a usage ledger remembers a charged or reported message id, so a retried Charge is answered with the first
    /// estimate and counted once, and a redelivered delivery status is counted once. A conversation retries a failed
    /// charge at its next send or activation. Each remembered id costs about 200 bytes of Redis memory until it expires.
    /// </summary>
    public TimeSpan MessageIdsRememberedFor { get; set; } = TimeSpan.FromDays(1);

    public IReadOnlySet<string> AuthenticationInternationalMarketSet() =>
        AuthenticationInternationalMarkets
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => m.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
}
