using Conversations.Abstractions;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// The messaging limit: unique customers a portfolio reaches with templates outside a customer service window in a
/// moving 24 h, shared by all its numbers (tier 250 unless set).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MessagingLimitGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_250_tier_portfolio_reaches_250_new_customers_across_its_numbers_and_refuses_the_251st_with_tier_used_and_resets_at()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 5);
        var customers = PortfolioDriver.Customers(251);
        var start = fixture.Clock.GetUtcNow();

        for (var i = 0; i < 250; i++)
        {
            Ok(await portfolio.SendTemplate(portfolio.Numbers[i % 5], customers[i]));
        }

        var refusal = Refused(await portfolio.SendTemplate(portfolio.Numbers[0], customers[250]), RefusalReason.MessagingLimitReached);
        Assert.Equal("250", refusal.Metadata["tier"]);
        Assert.Equal("250", refusal.Metadata["used"]);
        Assert.Equal(portfolio.PortfolioId, refusal.Metadata["portfolio_id"]);
        Assert.Equal(Rfc3339.Format(EndOfMinute(start) + TimeSpan.FromHours(24)), refusal.Metadata["resets_at"]);
        Assert.DoesNotContain(fixture.WhatsApp.Sent, s => s.Message.To == customers[250] && portfolio.Numbers.Contains(s.Message.BusinessNumberId));
    }

    [Fact]
    public async Task A_customer_already_reached_in_the_last_24h_does_not_count_again_even_from_another_number_of_the_portfolio()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 2);
        var customer = PortfolioDriver.Customers(1)[0];

        Ok(await portfolio.SendTemplate(portfolio.Numbers[0], customer));
        fixture.Clock.Advance(TimeSpan.FromHours(23));
        Ok(await portfolio.SendTemplate(portfolio.Numbers[1], customer));
        Ok(await portfolio.SendTemplate(portfolio.Numbers[0], customer));

        Assert.Equal(1, (await portfolio.Status()).Used);
    }

    [Fact]
    public async Task Free_form_and_templates_inside_an_open_window_do_not_count()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 1);
        var customer = PortfolioDriver.Customers(1)[0];
        var conversation = portfolio.Conversation(portfolio.Numbers[0], customer);
        Ok(await conversation.RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", fixture.Clock.GetUtcNow(), InboundMessageType.Text, "hi")));

        Ok(await conversation.Send(Text()));
        Ok(await portfolio.SendTemplate(portfolio.Numbers[0], customer));

        Assert.Equal(0, (await portfolio.Status()).Used);
    }

    [Fact]
    public async Task The_window_moves_a_slot_frees_only_once_its_minute_is_24h_old_and_then_the_customer_counts_again()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 4);
        var customers = PortfolioDriver.Customers(251);
        var start = fixture.Clock.GetUtcNow();
        await portfolio.Reach(customers, 250);

        fixture.Clock.Advance(EndOfMinute(start) + TimeSpan.FromHours(24) - fixture.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        Refused(await portfolio.SendTemplate(portfolio.Numbers[0], customers[250]), RefusalReason.MessagingLimitReached);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Ok(await portfolio.SendTemplate(portfolio.Numbers[0], customers[250]));
        Ok(await portfolio.SendTemplate(portfolio.Numbers[1], customers[0]));
        Assert.Equal(2, (await portfolio.Status()).Used);
    }

    [Fact]
    public async Task A_raised_tier_lets_more_customers_through_and_unlimited_counts_nobody()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 4);
        var customers = PortfolioDriver.Customers(300);
        await portfolio.Reach(customers, 250);
        Refused(await portfolio.SendTemplate(portfolio.Numbers[0], customers[250]), RefusalReason.MessagingLimitReached);

        Assert.Equal(2_000, Ok(await portfolio.Limit.SetTier("2K")).Tier);
        Ok(await portfolio.SendTemplate(portfolio.Numbers[0], customers[250]));

        Assert.Null(Ok(await portfolio.Limit.SetTier("unlimited")).Tier);
        await Task.WhenAll(customers.Skip(251).Select(async (c, i) => Ok(await portfolio.SendTemplate(portfolio.Numbers[i % 4], c))));
        Assert.Equal(251, (await portfolio.Status()).Used);
    }

    [Theory]
    [InlineData("")]
    [InlineData("500")]
    [InlineData("1K")]
    [InlineData("-250")]
    [InlineData("250.0")]
    [InlineData("infinite")]
    public async Task A_tier_Meta_does_not_grant_is_refused_and_leaves_the_tier_as_it_was(string tier)
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 1);
        Ok(await portfolio.Limit.SetTier("10000"));

        var refusal = Refused(await portfolio.Limit.SetTier(tier), RefusalReason.InvalidField);

        Assert.Equal(("messaging_limit", "tier"), (refusal.Metadata["field"], refusal.Metadata["rule"]));
        Assert.Equal(10_000, (await portfolio.Status()).Tier);
    }

    /// <summary>
    /// Many callers on many numbers at once, some customers messaged twice from different numbers: exactly the tier's
    /// worth of distinct customers get through, every other send is refused, and the ledger charged exactly what went.
    /// </summary>
    [Fact]
    public async Task Concurrent_broadcasts_from_many_numbers_reach_exactly_the_tier_of_distinct_customers_and_the_ledger_counts_each_send()
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 6, throughputPerSecond: 1_000);
        var customers = PortfolioDriver.Customers(400);
        var sends = customers.Select((c, i) => (Customer: c, Number: portfolio.Numbers[i % 6]))
            .Concat(customers.Take(100).Select((c, i) => (Customer: c, Number: portfolio.Numbers[(i + 1) % 6])))
            .ToList();

        var results = await Task.WhenAll(sends.Select(async s => (s.Customer, Result: await portfolio.SendTemplate(s.Number, s.Customer))));

        var reached = results.Where(r => r.Result.Succeeded).Select(r => r.Customer).ToHashSet();
        Assert.Equal(250, reached.Count);
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal(RefusalReason.MessagingLimitReached, r.Result.Refusal!.Reason));
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.DoesNotContain(r.Customer, reached));
        Assert.Equal(250, (await portfolio.Status()).Used);

        var accepted = results.Count(r => r.Result.Succeeded);
        Assert.Equal(accepted, fixture.WhatsApp.Sent.Count(s => portfolio.Numbers.Contains(s.Message.BusinessNumberId)));
        var ledger = fixture.Grains.GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(portfolio.PortfolioId, fixture.Clock.GetUtcNow()));
        var usage = await ledger.Usage(new UsageQuery(null, GroupByDay: false));
        Assert.Equal(accepted, usage.Rows.Sum(r => r.Messages));
    }

    private static DateTimeOffset EndOfMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
