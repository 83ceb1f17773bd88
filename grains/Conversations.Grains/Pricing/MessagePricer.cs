using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Pricing;

/// <summary>
/// Meta's per-message pricing (spec sections 2 and 4) as a pure decision: the category, pricing type and amount of one
/// message from the rate card, the pricing model in force on its date and the month's ordinals so far.
/// <list type="bullet">
/// <item>PMP 2025 (dates before <see cref="PricingOptions.ServiceChargedFrom"/>, including those before 2025-07-01):
/// an open free entry point makes every message free; service (free-form) is free; utility inside the window is free;
/// authentication and marketing are charged.</item>
/// <item>PMP 2026: an open free entry point still makes every message free; the first
/// <see cref="PricingOptions.FreeServiceMessagesPerMonth"/> service messages of a business number in the month are free,
/// later ones cost the market's utility rate; utility, authentication and marketing are charged, window or not.</item>
/// </list>
/// Service messages inside a free entry point do not use the monthly allowance: they are free anyway.
/// Only regular (charged) messages advance the volume ordinal of their market and category.
/// </summary>
public sealed class MessagePricer(RateCard card, PricingOptions options)
{
    private readonly IReadOnlySet<string> _internationalMarkets = options.AuthenticationInternationalMarketSet();
    private readonly string _businessMarket = options.BusinessMarket.Trim().ToUpperInvariant();

    public string ModelOn(DateOnly date) => date >= options.ServiceChargedFrom ? PricingModels.Pmp2026 : PricingModels.Pmp2025;

    public PricedMessage Price(ChargeRequest request, UsageCounters counters)
    {
        var date = DateOnly.FromDateTime(request.At.UtcDateTime);
        var model = ModelOn(date);
        var region = CustomerNumber.Region(request.Customer);
        var category = CategoryOf(request, region);
        var market = card.MarketOf(region);

        // Service has no row of its own: it is priced (and its currency taken) from the market's utility row.
        var row = card.Find(market, category == PricingCategories.Service ? PricingCategories.Utility : category, date);
        var (type, countsAsService) = TypeOf(request, category, model, counters);
        if (type != PricingTypes.Regular)
        {
            return new PricedMessage(new ChargeEstimate(category, type, 0m, row.Currency, market, model), countsAsService, CountsTowardVolume: false);
        }

        var amount = category == PricingCategories.Service
            ? row.Rate
            : row.RateFor(counters.ChargedMessagesOf(market, category) + 1);
        return new PricedMessage(new ChargeEstimate(category, type, amount, row.Currency, market, model), countsAsService, CountsTowardVolume: true);
    }

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

    private (string Type, bool CountsAsService) TypeOf(ChargeRequest request, string category, string model, UsageCounters counters)
    {
        if (request.EntryPointOpen)
        {
            return (PricingTypes.FreeEntryPoint, false);
        }

        if (model == PricingModels.Pmp2025)
        {
            return category == PricingCategories.Service || (category == PricingCategories.Utility && request.WindowOpen)
                ? (PricingTypes.FreeCustomerService, false)
                : (PricingTypes.Regular, false);
        }

        if (category == PricingCategories.Service)
        {
            var ordinal = counters.ServiceMessagesOf(request.BusinessNumberId) + 1;
            return (ordinal <= options.FreeServiceMessagesPerMonth ? PricingTypes.FreeCustomerService : PricingTypes.Regular, true);
        }

        return (PricingTypes.Regular, false);
    }
}
