using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Pricing;
using Conversations.Testing;
using static Conversations.Grains.Tests.Pricing.Charges;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>The usage ledger: one portfolio's month, exact under concurrent charges, idempotent per message id.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UsageLedgerGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_1001st_concurrent_service_message_is_charged_at_the_utility_rate_and_the_next_month_starts_free_again()
    {
        var waba = TestNumbers.WabaId();
        var number = TestNumbers.BusinessNumberId();
        var november = Ledger(waba, November2026);

        var estimates = await Task.WhenAll(Enumerable.Range(0, 1001).Select(_ => november.Charge(Service(UsCustomer, November2026, number))));

        Assert.Equal(1000, estimates.Count(e => e.PricingType == PricingTypes.FreeCustomerService));
        var charged = Assert.Single(estimates, e => e.PricingType == PricingTypes.Regular);
        Assert.Equal((PricingCategories.Service, 0.004m), (charged.Category, charged.Amount));
        var rows = (await november.Usage(new UsageQuery(number, GroupByDay: false))).Rows;
        Assert.Equal(1000, Assert.Single(rows, r => r.PricingType == PricingTypes.FreeCustomerService).Messages);
        var chargedRow = Assert.Single(rows, r => r.PricingType == PricingTypes.Regular);
        Assert.Equal((1L, 0.004m), (chargedRow.Messages, chargedRow.EstimatedAmount));

        var december = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var first = await Ledger(waba, december).Charge(Service(UsCustomer, december, number));
        Assert.Equal(PricingTypes.FreeCustomerService, first.PricingType);
    }

    [Fact]
    public async Task Charge_is_idempotent_per_message_id()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);
        var request = Template(TemplateCategory.Marketing, BrazilCustomer, November2026);

        var first = await ledger.Charge(request);
        var retried = await ledger.Charge(request with { At = November2026.AddMinutes(1) });
        var retriedConcurrently = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ledger.Charge(request)));

        Assert.Equal(first, retried);
        Assert.All(retriedConcurrently, e => Assert.Equal(first, e));
        var row = Assert.Single((await ledger.Usage(new UsageQuery(null, GroupByDay: false))).Rows);
        Assert.Equal((1L, 0.0625m), (row.Messages, row.EstimatedAmount));
    }

    [Fact]
    public async Task Two_hundred_concurrent_charges_for_distinct_messages_are_counted_and_summed_exactly()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);
        var numbers = new[] { TestNumbers.BusinessNumberId(), TestNumbers.BusinessNumberId() };
        var requests = Enumerable.Range(0, 200)
            .Select(i => Template(
                i % 2 == 0 ? TemplateCategory.Marketing : TemplateCategory.Utility,
                BrazilCustomer,
                November2026.AddSeconds(i),
                windowOpen: true,
                businessNumberId: numbers[i % 4 / 2]))
            .ToList();

        var estimates = await Task.WhenAll(requests.Select(r => ledger.Charge(r)));
        await Task.WhenAll(requests.Select(r => ledger.Charge(r)));

        Assert.Equal(100 * 0.0625m + 100 * 0.0080m, estimates.Sum(e => e.Amount));
        var rows = (await ledger.Usage(new UsageQuery(null, GroupByDay: false))).Rows;
        Assert.Equal(200, rows.Sum(r => r.Messages));
        Assert.Equal(7.05m, rows.Sum(r => r.EstimatedAmount));
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.Equal(50, r.Messages));
        Assert.Equal(6.25m, rows.Where(r => r.Category == PricingCategories.Marketing).Sum(r => r.EstimatedAmount));
    }

    [Fact]
    public async Task A_reported_charge_with_another_category_counts_a_mismatch_once()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);
        var utility = Template(TemplateCategory.Utility, BrazilCustomer, November2026);
        var marketing = Template(TemplateCategory.Marketing, BrazilCustomer, November2026, businessNumberId: utility.BusinessNumberId);
        var utilityEstimate = await ledger.Charge(utility);
        var marketingEstimate = await ledger.Charge(marketing);
        var deliveredAt = November2026.AddSeconds(5);

        var mismatched = new ReportedCharge(utility.BusinessNumberId, utility.MessageId, utilityEstimate, new PricingReport(true, "PMP", "regular", "marketing"), deliveredAt);
        await ledger.RecordReported(mismatched);
        await ledger.RecordReported(mismatched);
        await ledger.RecordReported(new ReportedCharge(marketing.BusinessNumberId, marketing.MessageId, marketingEstimate, new PricingReport(true, "PMP", "regular", "marketing"), deliveredAt));

        var rows = (await ledger.Usage(new UsageQuery(null, GroupByDay: true))).Rows;
        var utilityRow = Assert.Single(rows, r => r.Category == PricingCategories.Utility);
        Assert.Equal((1L, 1L, 1L), (utilityRow.Messages, utilityRow.Delivered, utilityRow.Mismatches));
        Assert.Equal(1, utilityRow.Reported["marketing/regular"]);
        var marketingRow = Assert.Single(rows, r => r.Category == PricingCategories.Marketing);
        Assert.Equal((1L, 0L), (marketingRow.Delivered, marketingRow.Mismatches));
    }

    [Fact]
    public async Task Quote_prices_like_Charge_but_records_nothing()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);
        var request = Template(TemplateCategory.Authentication, IndiaCustomer, November2026);

        var quoted = await ledger.Quote(request);
        Assert.Empty((await ledger.Usage(new UsageQuery(null, GroupByDay: false))).Rows);
        var charged = await ledger.Charge(request);

        Assert.Equal(quoted, charged);
        Assert.Equal(charged, await ledger.Quote(request));
        Assert.Equal(PricingCategories.AuthenticationInternational, charged.Category);
    }

    [Fact]
    public async Task Usage_is_per_day_or_per_month_and_per_business_number()
    {
        var waba = TestNumbers.WabaId();
        var ledger = Ledger(waba, November2026);
        var (first, second) = (TestNumbers.BusinessNumberId(), TestNumbers.BusinessNumberId());
        await ledger.Charge(Template(TemplateCategory.Marketing, UsCustomer, November2026, businessNumberId: first));
        await ledger.Charge(Template(TemplateCategory.Marketing, UsCustomer, November2026.AddDays(1), businessNumberId: first));
        await ledger.Charge(Template(TemplateCategory.Marketing, UsCustomer, November2026, businessNumberId: second));

        var byDay = await ledger.Usage(new UsageQuery(first, GroupByDay: true));
        var byMonth = await ledger.Usage(new UsageQuery(first, GroupByDay: false));
        var portfolio = await ledger.Usage(new UsageQuery(null, GroupByDay: false));

        Assert.Equal((waba, new DateOnly(2026, 11, 1)), (byDay.WabaId, byDay.Month));
        Assert.Equal([new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11)], byDay.Rows.Select(r => r.Day!.Value));
        var month = Assert.Single(byMonth.Rows);
        Assert.Equal((null, 2L, 0.05m), (month.Day, month.Messages, month.EstimatedAmount));
        Assert.Equal(3, portfolio.Rows.Sum(r => r.Messages));
    }

    [Fact]
    public async Task A_charge_dated_outside_the_ledger_month_is_refused()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            ledger.Charge(Template(TemplateCategory.Marketing, UsCustomer, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    private IUsageLedgerGrain Ledger(string waba, DateTimeOffset at) =>
        fixture.Grains.GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(waba, at));
}
