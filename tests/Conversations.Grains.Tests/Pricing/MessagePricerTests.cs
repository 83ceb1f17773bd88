using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Pricing;
using static Conversations.Grains.Tests.Pricing.Charges;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>The pricing rules of spec sections 2 and 4, decided without a cluster or a clock: dates are in the requests.</summary>
public sealed class MessagePricerTests
{
    private static readonly MessagePricer s_pricer = new(RateCard.Load(null), new PricingOptions());

    [Fact]
    public void The_1000th_service_message_of_a_month_is_free_and_the_1001st_costs_the_market_utility_rate()
    {
        var counters = new Dictionary<string, long>();
        const string number = "1012345678";
        var estimates = Enumerable.Range(0, 1001).Select(_ => Charge(s_pricer, Service(UsCustomer, November2026, number), counters)).ToList();

        Assert.All(estimates.Take(1000), e => Assert.Equal((PricingCategories.Service, PricingTypes.FreeCustomerService, 0m), (e.Category, e.PricingType, e.Amount)));
        var the1001st = estimates[1000];
        Assert.Equal((PricingCategories.Service, PricingTypes.Regular, 0.004m, "US"), (the1001st.Category, the1001st.PricingType, the1001st.Amount, the1001st.Market));
        Assert.Equal(PricingModels.Pmp2026, the1001st.PricingModel);
    }

    [Fact]
    public void The_service_allowance_is_per_business_number()
    {
        var counters = new Dictionary<string, long>();
        for (var i = 0; i < 1000; i++)
        {
            Charge(s_pricer, Service(UsCustomer, November2026, "1011111111"), counters);
        }

        Assert.Equal(PricingTypes.Regular, Charge(s_pricer, Service(UsCustomer, November2026, "1011111111"), counters).PricingType);
        Assert.Equal(PricingTypes.FreeCustomerService, Charge(s_pricer, Service(UsCustomer, November2026, "1022222222"), counters).PricingType);
    }

    [Fact]
    public void Service_inside_a_free_entry_point_is_free_and_does_not_use_the_monthly_allowance()
    {
        var counters = new Dictionary<string, long>();
        var estimate = Charge(s_pricer, Service(UsCustomer, November2026, "1012345678", entryPoint: true), counters);

        Assert.Equal(PricingTypes.FreeEntryPoint, estimate.PricingType);
        Assert.Equal(0, counters.GetValueOrDefault(MessagePricer.ServiceOrdinal("1012345678")));
    }

    [Fact]
    public void Service_is_always_free_under_the_2025_model()
    {
        var counters = new Dictionary<string, long>();
        var estimates = Enumerable.Range(0, 1001).Select(_ => Charge(s_pricer, Service(UsCustomer, August2025, "1012345678"), counters)).ToList();

        Assert.All(estimates, e => Assert.Equal((PricingTypes.FreeCustomerService, 0m, PricingModels.Pmp2025), (e.PricingType, e.Amount, e.PricingModel)));
    }

    [Theory]
    [InlineData(TemplateCategory.Marketing)]
    [InlineData(TemplateCategory.Utility)]
    [InlineData(TemplateCategory.Authentication)]
    [InlineData(null)]
    public void The_free_entry_point_makes_every_category_free_in_the_2026_model(TemplateCategory? category)
    {
        var request = category is { } c
            ? Template(c, BrazilCustomer, November2026, windowOpen: false, entryPoint: true)
            : Service(BrazilCustomer, November2026, entryPoint: true);

        var estimate = Price(request);

        Assert.Equal((PricingTypes.FreeEntryPoint, 0m, PricingModels.Pmp2026), (estimate.PricingType, estimate.Amount, estimate.PricingModel));
    }

    [Fact]
    public void Utility_inside_the_window_is_free_in_the_2025_model_and_charged_in_the_2026_model()
    {
        var in2025 = Price(Template(TemplateCategory.Utility, BrazilCustomer, August2025, windowOpen: true));
        var in2026 = Price(Template(TemplateCategory.Utility, BrazilCustomer, November2026, windowOpen: true));

        Assert.Equal((PricingTypes.FreeCustomerService, 0m), (in2025.PricingType, in2025.Amount));
        Assert.Equal((PricingTypes.Regular, 0.0080m), (in2026.PricingType, in2026.Amount));
    }

    [Fact]
    public void Utility_outside_the_window_is_charged_in_the_2025_model()
    {
        var estimate = Price(Template(TemplateCategory.Utility, BrazilCustomer, August2025, windowOpen: false));

        Assert.Equal((PricingCategories.Utility, PricingTypes.Regular, 0.0080m), (estimate.Category, estimate.PricingType, estimate.Amount));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Authentication_is_always_charged_inside_or_outside_the_window_in_both_models(bool windowOpen)
    {
        var in2025 = Price(Template(TemplateCategory.Authentication, BrazilCustomer, August2025, windowOpen));
        var in2026 = Price(Template(TemplateCategory.Authentication, BrazilCustomer, November2026, windowOpen));

        Assert.Equal((PricingCategories.Authentication, PricingTypes.Regular, 0.0315m), (in2025.Category, in2025.PricingType, in2025.Amount));
        Assert.Equal((PricingCategories.Authentication, PricingTypes.Regular, 0.0315m), (in2026.Category, in2026.PricingType, in2026.Amount));
    }

    [Fact]
    public void Marketing_is_charged_outside_the_free_entry_point_even_inside_the_window_in_the_2025_model()
    {
        var estimate = Price(Template(TemplateCategory.Marketing, BrazilCustomer, August2025, windowOpen: true));

        Assert.Equal((PricingCategories.Marketing, PricingTypes.Regular, 0.0625m, "BR"), (estimate.Category, estimate.PricingType, estimate.Amount, estimate.Market));
    }

    [Fact]
    public void Authentication_to_an_Indian_customer_from_a_US_business_is_authentication_international()
    {
        var estimate = Price(Template(TemplateCategory.Authentication, IndiaCustomer, November2026));

        Assert.Equal((PricingCategories.AuthenticationInternational, PricingTypes.Regular, 0.028m, "IN"), (estimate.Category, estimate.PricingType, estimate.Amount, estimate.Market));
    }

    [Fact]
    public void Authentication_to_an_Indian_customer_from_an_Indian_business_is_domestic_authentication()
    {
        var pricer = new MessagePricer(RateCard.Load(null), new PricingOptions { BusinessMarket = "IN" });

        var estimate = Quote(pricer, Template(TemplateCategory.Authentication, IndiaCustomer, November2026), new Dictionary<string, long>());

        Assert.Equal((PricingCategories.Authentication, 0.0014m), (estimate.Category, estimate.Amount));
    }

    [Fact]
    public void Authentication_to_a_market_outside_the_list_is_domestic_authentication()
    {
        var estimate = Price(Template(TemplateCategory.Authentication, BrazilCustomer, November2026));

        Assert.Equal(PricingCategories.Authentication, estimate.Category);
    }

    [Theory]
    [InlineData(FranceCustomer)]
    [InlineData("80012345678")]
    [InlineData("999123")]
    public void A_customer_whose_region_the_card_does_not_list_pays_the_rest_of_world_rate(string customer)
    {
        var estimate = Price(Template(TemplateCategory.Marketing, customer, November2026));

        Assert.Equal((RateCard.RestOfWorld, 0.0604m), (estimate.Market, estimate.Amount));
    }

    [Fact]
    public void A_listed_market_without_a_row_for_the_category_pays_that_category_rest_of_world_rate()
    {
        var estimate = Price(Template(TemplateCategory.Authentication, UsCustomer, November2026));

        Assert.Equal(("US", 0.0224m), (estimate.Market, estimate.Amount));
    }

    [Fact]
    public void Dates_before_July_2025_are_priced_as_PMP_2025()
    {
        var march2025 = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

        var utilityInWindow = Price(Template(TemplateCategory.Utility, UsCustomer, march2025, windowOpen: true));
        var marketing = Price(Template(TemplateCategory.Marketing, UsCustomer, march2025));

        Assert.Equal((PricingTypes.FreeCustomerService, PricingModels.Pmp2025), (utilityInWindow.PricingType, utilityInWindow.PricingModel));
        Assert.Equal((0.025m, PricingModels.Pmp2025), (marketing.Amount, marketing.PricingModel));
    }

    [Fact]
    public void The_2026_model_starts_at_midnight_UTC_on_1_October_2026()
    {
        var before = Price(Template(TemplateCategory.Utility, UsCustomer, new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.Zero), windowOpen: true));
        var from = Price(Template(TemplateCategory.Utility, UsCustomer, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), windowOpen: true));

        Assert.Equal((PricingModels.Pmp2025, PricingTypes.FreeCustomerService), (before.PricingModel, before.PricingType));
        Assert.Equal((PricingModels.Pmp2026, PricingTypes.Regular), (from.PricingModel, from.PricingType));
    }

    [Fact]
    public void A_volume_tier_boundary_inside_one_batch_prices_each_message_at_the_rate_of_its_own_tier()
    {
        var pricer = new MessagePricer(RateCardTests.TieredCard(), new PricingOptions());
        var counters = new Dictionary<string, long>();

        var amounts = Enumerable.Range(0, 8)
            .Select(_ => Charge(pricer, Template(TemplateCategory.Utility, UsCustomer, November2026), counters).Amount)
            .ToList();

        Assert.Equal([0.004m, 0.004m, 0.004m, 0.003m, 0.003m, 0.003m, 0.002m, 0.002m], amounts);
    }

    [Fact]
    public void Free_messages_do_not_advance_the_volume_tier()
    {
        var pricer = new MessagePricer(RateCardTests.TieredCard(), new PricingOptions());
        var counters = new Dictionary<string, long>();
        for (var i = 0; i < 5; i++)
        {
            Charge(pricer, Template(TemplateCategory.Utility, UsCustomer, November2026, entryPoint: true), counters);
        }

        Assert.Equal(0.004m, Quote(pricer, Template(TemplateCategory.Utility, UsCustomer, November2026), counters).Amount);
    }

    [Fact]
    public void Volume_tiers_count_per_market_and_category()
    {
        var pricer = new MessagePricer(RateCardTests.TieredCard(), new PricingOptions());
        var counters = new Dictionary<string, long>();
        for (var i = 0; i < 3; i++)
        {
            Charge(pricer, Template(TemplateCategory.Utility, UsCustomer, November2026), counters);
        }

        Assert.Equal(0.003m, Quote(pricer, Template(TemplateCategory.Utility, UsCustomer, November2026), counters).Amount);
        Assert.Equal(0.0077m, Quote(pricer, Template(TemplateCategory.Utility, FranceCustomer, November2026), counters).Amount);
    }

    private static ChargeEstimate Price(ChargeRequest request) => Quote(s_pricer, request, new Dictionary<string, long>());

    /// <summary>The price of the next message, the month's ordinals being <paramref name="counters"/>.</summary>
    private static ChargeEstimate Quote(MessagePricer pricer, ChargeRequest request, IReadOnlyDictionary<string, long> counters)
    {
        var plan = pricer.Plan(request);
        return plan.EstimateAt((plan.Ordinal is { } ordinal ? counters.GetValueOrDefault(ordinal) : 0) + 1);
    }

    /// <summary>Prices the next message and counts it, one after another, as a ledger store does atomically.</summary>
    private static ChargeEstimate Charge(MessagePricer pricer, ChargeRequest request, Dictionary<string, long> counters)
    {
        var estimate = Quote(pricer, request, counters);
        if (pricer.Plan(request).Ordinal is { } ordinal)
        {
            counters[ordinal] = counters.GetValueOrDefault(ordinal) + 1;
        }

        return estimate;
    }
}
