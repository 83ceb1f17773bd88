using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Pricing;
using Conversations.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Conversations.Grains.Tests.Pricing.Charges;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>
/// A ledger over the in-memory store, without a cluster: charges from many threads at once get consecutive ordinals,
/// a retry is counted once, and the remembered ids expire on the clock.
/// </summary>
public sealed class UsageLedgerTests
{
    private const string Number = "1012345678";

    private readonly FakeTimeProvider _clock = new(November2026);
    private readonly InMemoryUsageLedgerStore _store;

    public UsageLedgerTests() => _store = new InMemoryUsageLedgerStore(Options.Create(new ConversationOptions()), _clock);

    [Fact]
    public async Task Of_1001_service_messages_charged_from_many_threads_at_once_exactly_the_1001st_is_charged()
    {
        var ledger = Ledger(RateCard.Load(null));

        var estimates = await Task.WhenAll(Enumerable.Range(0, 1001).Select(_ => Task.Run(() => ledger.Charge(Service(UsCustomer, November2026, Number), default))));

        Assert.Equal(1000, estimates.Count(e => e.PricingType == PricingTypes.FreeCustomerService));
        var charged = Assert.Single(estimates, e => e.PricingType == PricingTypes.Regular);
        Assert.Equal((PricingCategories.Service, 0.004m), (charged.Category, charged.Amount));
        var rows = (await ledger.Usage(new UsageQuery(Number, GroupByDay: false), default)).Rows;
        Assert.Equal((1000L, 0m), Totals(Assert.Single(rows, r => r.PricingType == PricingTypes.FreeCustomerService)));
        Assert.Equal((1L, 0.004m), Totals(Assert.Single(rows, r => r.PricingType == PricingTypes.Regular)));
    }

    [Fact]
    public async Task Volume_tier_boundaries_fall_at_their_exact_ordinals_under_concurrent_charges()
    {
        var ledger = Ledger(RateCardTests.TieredCard());

        // Tiers from 3 and from 6: ordinals 1-3 at 0.004, 4-6 at 0.003, 7 on at 0.002.
        var estimates = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number), default))));

        Assert.Equal(3, estimates.Count(e => e.Amount == 0.004m));
        Assert.Equal(3, estimates.Count(e => e.Amount == 0.003m));
        Assert.Equal(194, estimates.Count(e => e.Amount == 0.002m));
        var rows = (await ledger.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows;
        Assert.Equal((200L, (3 * 0.004m) + (3 * 0.003m) + (194 * 0.002m)), Totals(Assert.Single(rows)));
    }

    [Fact]
    public async Task A_charge_whose_answer_was_lost_is_answered_from_the_first_count_when_retried_and_counted_once()
    {
        var losing = new AnswerLosingStore(_store);
        var ledger = Ledger(RateCardTests.TieredCard(), losing);
        await ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number), default);
        await ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number), default);
        var third = Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number);

        losing.LoseNextAnswer();
        await Assert.ThrowsAsync<TimeoutException>(() => ledger.Charge(third, default));
        var retried = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => ledger.Charge(third with { At = November2026.AddMinutes(5) }, default))));
        var fourth = await ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number), default);

        Assert.All(retried, e => Assert.Equal((PricingTypes.Regular, 0.004m), (e.PricingType, e.Amount)));
        Assert.Equal(0.003m, fourth.Amount);
        var rows = (await ledger.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows;
        Assert.Equal((4L, 0.015m), Totals(Assert.Single(rows)));
    }

    [Fact]
    public async Task A_retry_dated_in_the_next_month_is_answered_from_the_first_charge_and_not_counted_again()
    {
        var waba = TestNumbers.WabaId();
        var lastSecondOfNovember = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);
        var firstOfDecember = lastSecondOfNovember.AddSeconds(1);
        var november = Ledger(RateCard.Load(null), waba: waba, at: lastSecondOfNovember);
        var december = Ledger(RateCard.Load(null), waba: waba, at: firstOfDecember);
        var request = Template(TemplateCategory.Marketing, BrazilCustomer, lastSecondOfNovember);

        var first = await november.Charge(request, default);
        var retried = await december.Charge(request with { At = firstOfDecember }, default);

        Assert.Equal(first, retried);
        Assert.Equal(1, (await november.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows.Sum(r => r.Messages));
        Assert.Empty((await december.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows);
    }

    [Fact]
    public async Task A_quote_prices_the_next_ordinal_and_counts_nothing()
    {
        var ledger = Ledger(RateCardTests.TieredCard());
        for (var i = 0; i < 3; i++)
        {
            await ledger.Charge(Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number), default);
        }

        var request = Template(TemplateCategory.Utility, UsCustomer, November2026, businessNumberId: Number);
        var quoted = await ledger.Quote(request, default);
        var quotedAgain = await ledger.Quote(request, default);
        var charged = await ledger.Charge(request, default);

        Assert.Equal((0.003m, quoted), (quoted.Amount, quotedAgain));
        Assert.Equal(quoted, charged);
        Assert.Equal(charged, await ledger.Quote(request, default));
        Assert.Equal(4, (await ledger.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows.Sum(r => r.Messages));
    }

    [Fact]
    public async Task Message_ids_are_remembered_for_the_configured_time_and_then_forgotten()
    {
        var ledger = Ledger(RateCard.Load(null));
        var request = Template(TemplateCategory.Marketing, BrazilCustomer, November2026, businessNumberId: Number);
        var first = await ledger.Charge(request, default);
        await ledger.RecordReported(Delivered(request, first), default);

        _clock.Advance(new PricingOptions().MessageIdsRememberedFor - TimeSpan.FromSeconds(1));
        Assert.Equal(first, await ledger.Charge(request, default));
        Assert.Equal(2, _store.RememberedIdCount);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, _store.RememberedIdCount);
        var row = Assert.Single((await ledger.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows);
        Assert.Equal((1L, 1L), (row.Messages, row.Delivered));
    }

    [Fact]
    public async Task A_delivery_reported_twice_is_counted_once_with_its_mismatch()
    {
        var ledger = Ledger(RateCard.Load(null));
        var request = Template(TemplateCategory.Utility, BrazilCustomer, November2026, businessNumberId: Number);
        var estimate = await ledger.Charge(request, default);
        var report = Delivered(request, estimate) with { Reported = new PricingReport(true, "PMP", "regular", "marketing") };

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => ledger.RecordReported(report, default))));

        var row = Assert.Single((await ledger.Usage(new UsageQuery(null, GroupByDay: true), default)).Rows);
        Assert.Equal((1L, 1L, 1L), (row.Messages, row.Delivered, row.Mismatches));
        Assert.Equal(1, row.Reported["marketing/regular"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_counts_nothing()
    {
        var ledger = Ledger(RateCard.Load(null));
        var request = Template(TemplateCategory.Marketing, BrazilCustomer, November2026, businessNumberId: Number);

        Assert.Equal("MessageId", (await Assert.ThrowsAsync<ArgumentException>(() => ledger.Charge(request with { MessageId = "" }, default))).ParamName);
        Assert.Equal("MessageId", (await Assert.ThrowsAsync<ArgumentException>(() => ledger.Quote(request with { MessageId = " " }, default))).ParamName);
        Assert.Equal("BusinessNumberId", (await Assert.ThrowsAsync<ArgumentException>(() => ledger.Charge(request with { BusinessNumberId = "" }, default))).ParamName);
        Assert.Equal("At", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.Charge(request with { At = November2026.AddMonths(1) }, default))).ParamName);
        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentException>(() => ledger.Charge(request with { TemplateCategory = null }, default))).ParamName);
        var report = Delivered(request, await ledger.Quote(request, default));
        Assert.Equal("DeliveredAt", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.RecordReported(report with { DeliveredAt = November2026.AddMonths(-1) }, default))).ParamName);
        Assert.Equal("MessageId", (await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordReported(report with { MessageId = "" }, default))).ParamName);

        Assert.Empty((await ledger.Usage(new UsageQuery(null, GroupByDay: false), default)).Rows);
        Assert.Equal(0, _store.RememberedIdCount);
    }

    [Fact]
    public void A_charged_field_gives_back_its_estimate_to_the_last_digit_of_the_amount()
    {
        var estimate = new ChargeEstimate(PricingCategories.Utility, PricingTypes.Regular, 0.0080m, "USD", "BR", PricingModels.Pmp2026);

        var field = UsageFields.Charged(Number, new DateOnly(2026, 11, 10), estimate);
        var back = UsageFields.EstimateOf(field, new MessagePricer(RateCard.Load(null), new PricingOptions()).ModelOn);

        Assert.Equal($"c|{Number}|2026-11-10|BR|utility|regular|USD|0.0080", field);
        Assert.Equal((estimate, "0.0080"), (back, back.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Throws<ArgumentException>(() => UsageFields.Charged("10|1", new DateOnly(2026, 11, 10), estimate));
    }

    private UsageLedger Ledger(RateCard card, IUsageLedgerStore? store = null, string? waba = null, DateTimeOffset? at = null) =>
        new(UsageLedgerKey.Of(waba ?? TestNumbers.WabaId(), at ?? November2026), new MessagePricer(card, new PricingOptions()), store ?? _store, NullLogger.Instance);

    private static ReportedCharge Delivered(ChargeRequest request, ChargeEstimate estimate) =>
        new(request.BusinessNumberId, request.MessageId, estimate, new PricingReport(true, "PMP", estimate.PricingType, estimate.Category), request.At.AddSeconds(5));

    private static (long Messages, decimal Amount) Totals(UsageRow row) => (row.Messages, row.EstimatedAmount);

    /// <summary>A store whose next charge is counted but whose answer never reaches the caller, as when a silo dies mid-call.</summary>
    private sealed class AnswerLosingStore(IUsageLedgerStore store) : IUsageLedgerStore
    {
        private int _loseNext;

        public void LoseNextAnswer() => Interlocked.Exchange(ref _loseNext, 1);

        public async Task<string> Charge(string ledger, string chargeId, string? ordinal, IReadOnlyList<OrdinalBand> bands, CancellationToken cancellationToken)
        {
            var field = await store.Charge(ledger, chargeId, ordinal, bands, cancellationToken);
            return Interlocked.Exchange(ref _loseNext, 0) == 1 ? throw new TimeoutException("The answer of the charge was lost (test).") : field;
        }

        public Task<ChargeLookup> Look(string ledger, string chargeId, string? ordinal, CancellationToken cancellationToken) =>
            store.Look(ledger, chargeId, ordinal, cancellationToken);

        public Task<bool> Report(string ledger, string reportId, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
            store.Report(ledger, reportId, fields, cancellationToken);

        public Task<IReadOnlyDictionary<string, long>> Totals(string ledger, CancellationToken cancellationToken) =>
            store.Totals(ledger, cancellationToken);

        public Task<int> Forget(IReadOnlyList<string> ids, CancellationToken cancellationToken) => store.Forget(ids, cancellationToken);
    }
}
