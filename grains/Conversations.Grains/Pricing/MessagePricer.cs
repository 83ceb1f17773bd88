using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Pricing;

/// <summary>
/// Meta's per-message pricing (spec sections 2 and 4) as a pure decision: for one message, the monthly ordinal it
/// advances and its category, pricing type and amount at each ordinal, from the rate card and the pricing model in
/// force on its date (<see cref="ChargePlan"/>).
/// <list type="bullet">
/// <item>PMP 2025 (dates before <see cref="PricingOptions.ServiceChargedFrom"/>, including those before 2025-07-01):
/// an open free entry point makes every message free; service (free-form) is free; utility inside the window is free;
/// authentication and marketing are charged.</item>
/// <item>PMP 2026: an open free entry point still makes every message free; the first
/// <see cref="PricingOptions.FreeServiceMessagesPerMonth"/> service messages of a business number in the month are free,
/// later ones cost the market's utility rate; utility, authentication and marketing are charged, window or not.</item>
/// </list>
/// Service messages inside a free entry point do not use the monthly allowance: they are free anyway.
/// Only regular (charged) carded messages advance the volume ordinal of their market and category.
/// </summary>
public sealed class MessagePricer(RateCard card, PricingOptions options)
{
    private readonly IReadOnlySet<string> _internationalMarkets = options.AuthenticationInternationalMarketSet();
    private readonly string _businessMarket = options.BusinessMarket.Trim().ToUpperInvariant();

    public string ModelOn(DateOnly date) => date >= options.ServiceChargedFrom ? PricingModels.Pmp2026 : PricingModels.Pmp2025;

    public ChargePlan Plan(ChargeRequest request)
    {
        var date = DateOnly.FromDateTime(request.At.UtcDateTime);
        var model = ModelOn(date);
        var region = CustomerNumber.Region(request.Customer);
        var category = CategoryOf(request, region);
        var market = card.MarketOf(region);

        // Service has no row of its own: it is priced (and its currency taken) from the market's utility row.
        var row = card.Find(market, category == PricingCategories.Service ? PricingCategories.Utility : category, date);
        ChargeEstimate Estimate(string type, decimal amount) => new(category, type, amount, row.Currency, market, model);

        if (request.EntryPointOpen)
        {
            return ChargePlan.Flat(Estimate(PricingTypes.FreeEntryPoint, 0m));
        }

        if (model == PricingModels.Pmp2025)
        {
            if (category == PricingCategories.Service || (category == PricingCategories.Utility && request.WindowOpen))
            {
                return ChargePlan.Flat(Estimate(PricingTypes.FreeCustomerService, 0m));
            }
        }
        else if (category == PricingCategories.Service)
        {
            return new ChargePlan(
                ServiceOrdinal(request.BusinessNumberId),
                [new PriceBand(options.FreeServiceMessagesPerMonth, Estimate(PricingTypes.FreeCustomerService, 0m)), new PriceBand(PriceBand.Unbounded, Estimate(PricingTypes.Regular, row.Rate))]);
        }

        return new ChargePlan(
            VolumeOrdinal(market, category),
            [.. row.RatesByOrdinal().Select(r => new PriceBand(r.Through, Estimate(PricingTypes.Regular, r.Rate)))]);
    }

    /// <summary>Service messages of a business number that used the monthly allowance (free or beyond it).</summary>
    public static string ServiceOrdinal(string businessNumberId) => $"service/{businessNumberId}";

    /// <summary>Regular (charged) messages of the portfolio in a market and category: the ordinal volume tiers price by.</summary>
    public static string VolumeOrdinal(string market, string category) => $"volume/{market}/{category}";

    private string CategoryOf(ChargeRequest request, string region) => request.Kind switch
    {
        MessageKind.FreeForm => PricingCategories.Service,
        MessageKind.Template => request.TemplateCategory switch
        {
            TemplateCategory.Marketing => PricingCategories.Marketing,
            TemplateCategory.Utility => PricingCategories.Utility,
            TemplateCategory.Authentication => IsInternational(region) ? PricingCategories.AuthenticationInternational : PricingCategories.Authentication,
            _ => throw new ArgumentException($"Template message {request.MessageId} has no template category to price.", nameof(request)),
        },
        _ => throw new ArgumentException($"Message {request.MessageId} has no message kind to price.", nameof(request)),
    };

    /// <summary>Authentication to a listed market is international when the business is not in that same market.</summary>
    private bool IsInternational(string region) => _internationalMarkets.Contains(region) && region != _businessMarket;
}
