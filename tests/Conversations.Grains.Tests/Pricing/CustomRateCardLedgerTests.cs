using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using static Conversations.Grains.Tests.Pricing.Charges;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>A ledger priced by a replacement card with volume tiers and a quarterly rate change.</summary>
public sealed class CustomRateCardLedgerTests(CustomRateCardCluster cluster) : IClassFixture<CustomRateCardCluster>
{
    [Fact]
    public async Task A_tier_boundary_inside_one_concurrent_batch_prices_each_message_at_its_own_tier_across_the_portfolio_numbers()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);
        var numbers = new[] { TestNumbers.BusinessNumberId(), TestNumbers.BusinessNumberId() };

        var estimates = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: numbers[i % 2]))));

        Assert.Equal([0.002m, 0.002m, 0.003m, 0.003m, 0.003m, 0.004m, 0.004m, 0.004m], estimates.Select(e => e.Amount).Order());
        var rows = (await ledger.Usage(new UsageQuery(null, GroupByDay: false))).Rows;
        Assert.Equal(2, rows.Length);
        Assert.Equal((8L, 0.025m), (rows.Sum(r => r.Messages), rows.Sum(r => r.EstimatedAmount)));
    }

    [Fact]
    public async Task A_rate_change_on_a_quarter_boundary_applies_from_that_date()
    {
        var waba = TestNumbers.WabaId();
        var lastOfDecember = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero);
        var firstOfJanuary = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var before = await Ledger(waba, lastOfDecember).Charge(Template(TemplateCategory.Marketing, UsCustomer, lastOfDecember));
        var from = await Ledger(waba, firstOfJanuary).Charge(Template(TemplateCategory.Marketing, UsCustomer, firstOfJanuary));

        Assert.Equal((0.025m, 0.030m), (before.Amount, from.Amount));
    }

    [Fact]
    public async Task A_reactivated_ledger_continues_its_tiers_and_remembers_charged_ids_from_storage()
    {
        var ledger = Ledger(TestNumbers.WabaId(), November2026);
        var first = Template(TemplateCategory.Utility, UsCustomer, November2026);
        var firstEstimate = await ledger.Charge(first);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026))));

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(firstEstimate, await ledger.Charge(first));
        Assert.Equal(0.003m, (await ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026))).Amount);
        var row = Assert.Single((await ledger.Usage(new UsageQuery(null, GroupByDay: false))).Rows, r => r.BusinessNumberId == first.BusinessNumberId);
        Assert.Equal(1, row.Messages);
    }

    private IUsageLedgerGrain Ledger(string waba, DateTimeOffset at) =>
        cluster.Grains.GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(waba, at));
}
