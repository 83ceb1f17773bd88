using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Limits;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// Throughput per business number through the grains: the pacer spaces slots (1 s + margin) / N apart on the wire's
/// clock, whatever the domain clock says; a send waits its turn rather than being refused; beyond the queue it is refused
/// with THROUGHPUT_LIMITED and retry_after; a changed rate applies to the next slots. What Meta receives is checked end
/// to end (tests/Conversations.EndToEnd.Tests/PacingAtMetaTests.cs).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ThroughputPacingGrainTests(ClusterFixture fixture, FakeWireClusterFixture fakeWire) : IClassFixture<FakeWireClusterFixture>
{
    private static readonly OutboundPace DefaultPace = new(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200));

    [Fact]
    public async Task The_pacer_hands_out_slots_a_second_and_the_margin_over_the_rate_apart_while_the_domain_clock_stands_still()
    {
        var (portfolio, _) = await WithOpenWindows(fixture, customers: 0);
        var pacer = fixture.Grains.GetGrain<IThroughputPacerGrain>(portfolio.Numbers[0]);

        var slots = new List<PaceSlot>();
        for (var i = 0; i < 100; i++)
        {
            slots.Add(await pacer.Reserve());
        }

        Assert.All(slots, s => Assert.True(s.Accepted));
        Assert.All(slots.Skip(1).Zip(slots, (b, a) => b.SendAt - a.SendAt), gap => Assert.True(gap >= DefaultPace.Interval(80), $"slots {gap} apart"));
    }

    [Fact]
    public async Task A_number_at_1000_per_second_takes_1000_concurrent_sends_and_refuses_none_for_waiting_its_turn()
    {
        var (portfolio, customers) = await WithOpenWindows(fixture, customers: 1_000, throughputPerSecond: 1_000);

        var results = await Task.WhenAll(customers.Select(c => SendText(portfolio, portfolio.Numbers[0], c)));

        Assert.All(results, r => Ok(r));
        Assert.Equal(1_000, SentFrom(fixture, portfolio.Numbers[0]));
    }

    [Fact]
    public async Task Lowering_a_numbers_throughput_keeps_its_next_slots_a_second_clear_of_the_old_rate_and_spaces_them_at_the_new_one()
    {
        var (portfolio, _) = await WithOpenWindows(fixture, customers: 0);
        var number = portfolio.Numbers[0];
        var pacer = fixture.Grains.GetGrain<IThroughputPacerGrain>(number);
        var atOldRate = await pacer.Reserve();

        Ok(await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).Configure(new BusinessNumberSettings(portfolio.WabaId, ThroughputPerSecond: 10)));
        await Eventually.Until(() => pacer.Peek(), s => s.PerSecond == 10, TimeSpan.FromSeconds(5));
        var first = await pacer.Reserve();
        var second = await pacer.Reserve();

        Assert.Equal((80, 10, 10), (atOldRate.PerSecond, first.PerSecond, second.PerSecond));
        Assert.True(first.SendAt - atOldRate.SendAt >= TimeSpan.FromMilliseconds(1_050), $"first slot at 10/s only {first.SendAt - atOldRate.SendAt} after the last at 80/s");
        Assert.True(second.SendAt - first.SendAt >= DefaultPace.Interval(10), $"slots at 10/s {second.SendAt - first.SendAt} apart");
    }

    [Fact]
    public async Task A_send_finding_its_numbers_queue_full_is_refused_with_THROUGHPUT_LIMITED_and_retry_after_and_nothing_goes_to_Meta()
    {
        var cluster = fakeWire.Cluster;
        var (portfolio, customers) = await WithOpenWindows(cluster, customers: 1, throughputPerSecond: 1);
        var number = portfolio.Numbers[0];
        var queued = await FillQueue(cluster, number);

        var refusal = Refused(await SendText(portfolio, number, customers[0]), RefusalReason.ThroughputLimited);

        Assert.Equal(5, queued);
        Assert.Equal(("1", "1", number), (refusal.Metadata["retry_after"], refusal.Metadata["throughput_per_second"], refusal.Metadata["business_number_id"]));
        Assert.Equal(0, SentFrom(cluster, number));
        fakeWire.Wire.Advance(TimeSpan.FromSeconds(6));
        Ok(await SendText(portfolio, number, customers[0]));
    }

    [Fact]
    public async Task Evaluate_with_the_numbers_queue_full_reports_THROUGHPUT_LIMITED_and_reserves_nothing()
    {
        var cluster = fakeWire.Cluster;
        var (portfolio, customers) = await WithOpenWindows(cluster, customers: 1, throughputPerSecond: 1);
        var number = portfolio.Numbers[0];
        var pacer = cluster.Grains.GetGrain<IThroughputPacerGrain>(number);
        var conversation = portfolio.Conversation(number, customers[0]);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await pacer.Reserve()).Accepted);
        }

        Assert.True(Ok(await conversation.Evaluate(Text())).Allowed);
        Assert.True(Ok(await conversation.Evaluate(Text())).Allowed);
        Assert.True((await pacer.Reserve()).Accepted);
        var full = Ok(await conversation.Evaluate(Text()));

        Assert.Equal(RefusalReason.ThroughputLimited, full.Refusal?.Reason);
        Assert.Equal("1", full.Refusal!.Metadata["retry_after"]);
    }

    /// <summary>Reserves slots until the pacer refuses one; returns how many it took.</summary>
    private static async Task<int> FillQueue(ClusterFixture cluster, string number)
    {
        var pacer = cluster.Grains.GetGrain<IThroughputPacerGrain>(number);
        var taken = 0;
        while ((await pacer.Reserve()).Accepted)
        {
            Assert.True(++taken < 10_000, "the pacer never refused");
        }

        return taken;
    }

    private static async Task<(PortfolioDriver Portfolio, List<string> Customers)> WithOpenWindows(ClusterFixture cluster, int customers, int? throughputPerSecond = null)
    {
        var portfolio = await PortfolioDriver.WithNumbers(cluster, numbers: 1, throughputPerSecond);
        var list = PortfolioDriver.Customers(customers);
        await Task.WhenAll(list.Select(async c => Ok(await portfolio.Conversation(portfolio.Numbers[0], c)
            .RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", cluster.Clock.GetUtcNow(), InboundMessageType.Text, "hi")))));
        return (portfolio, list);
    }

    private static Task<Result<SendReceipt>> SendText(PortfolioDriver portfolio, string number, string customer) =>
        portfolio.Conversation(number, customer).Send(Text());

    private static int SentFrom(ClusterFixture cluster, string number) => cluster.WhatsApp.Sent.Count(s => s.Message.BusinessNumberId == number);
}
