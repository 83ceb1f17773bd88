using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// Throughput per business number: a second's worth goes at once, the next second's waits for it, and beyond two
/// seconds of queue the send is refused, so Meta never answers 130429.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ThroughputPacingGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task At_80_per_second_80_messages_go_at_once_and_the_81st_waits_until_the_next_second()
    {
        var (portfolio, customers) = await WithOpenWindows(customers: 81);
        var number = portfolio.Numbers[0];

        var first = await Task.WhenAll(customers.Take(80).Select(c => SendText(portfolio, number, c)));
        var late = await SentOrWaitingASecond(portfolio, number, customers[80]);

        Assert.All(first, r => Ok(r));
        Assert.False(late.IsCompleted, "the 81st message went to Meta inside the same second");
        Assert.Equal(80, SentFrom(number));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Ok(await late);
        Assert.Equal(81, SentFrom(number));
    }

    [Fact]
    public async Task The_pacer_hands_out_three_seconds_of_80_slots_over_a_two_second_queue_and_refuses_the_next_with_its_wait()
    {
        var (portfolio, _) = await WithOpenWindows(customers: 0);
        var pacer = fixture.Grains.GetGrain<IThroughputPacerGrain>(portfolio.Numbers[0]);
        var now = fixture.Clock.GetUtcNow();

        var slots = new List<PaceSlot>();
        for (var i = 0; i < 241; i++)
        {
            slots.Add(await pacer.Reserve());
        }

        Assert.All(slots.Take(240), s => Assert.True(s.Accepted));
        Assert.Equal(
            [(now, 80), (now + TimeSpan.FromSeconds(1), 80), (now + TimeSpan.FromSeconds(2), 80)],
            slots.Take(240).GroupBy(s => s.SendAt).Select(g => (g.Key, g.Count())));
        Assert.False(slots[240].Accepted);
        Assert.Equal(TimeSpan.FromSeconds(1), slots[240].RetryAfter);
    }

    [Fact]
    public async Task A_send_finding_its_numbers_queue_full_is_refused_with_THROUGHPUT_LIMITED_and_retry_after_and_nothing_goes_to_Meta()
    {
        var (portfolio, customers) = await WithOpenWindows(customers: 1);
        var number = portfolio.Numbers[0];
        var pacer = fixture.Grains.GetGrain<IThroughputPacerGrain>(number);
        for (var i = 0; i < 240; i++)
        {
            Assert.True((await pacer.Reserve()).Accepted);
        }

        var refusal = Refused(await SendText(portfolio, number, customers[0]), RefusalReason.ThroughputLimited);

        Assert.Equal(("1", "80"), (refusal.Metadata["retry_after"], refusal.Metadata["throughput_per_second"]));
        Assert.Equal(0, SentFrom(number));
        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        Ok(await SendText(portfolio, number, customers[0]));
    }

    [Fact]
    public async Task A_number_configured_for_1000_per_second_sends_1000_at_once()
    {
        var (portfolio, customers) = await WithOpenWindows(customers: 1_000, throughputPerSecond: 1_000);

        var results = await Task.WhenAll(customers.Select(c => SendText(portfolio, portfolio.Numbers[0], c)));

        Assert.All(results, r => Ok(r));
    }

    [Fact]
    public async Task Lowering_a_numbers_throughput_applies_to_its_next_messages()
    {
        var (portfolio, customers) = await WithOpenWindows(customers: 11);
        var number = portfolio.Numbers[0];
        Ok(await SendText(portfolio, number, customers[0]));

        Ok(await fixture.Grains.GetGrain<Abstractions.Grains.IBusinessNumberGrain>(number)
            .Configure(new Abstractions.BusinessNumbers.BusinessNumberSettings(portfolio.WabaId, ThroughputPerSecond: 10)));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var sends = customers.Skip(1).Select(c => SendText(portfolio, number, c)).ToList();
        await Eventually.Until(() => Task.FromResult(SentFrom(number)), sent => sent == 11, TimeSpan.FromSeconds(10));
        Assert.All(await Task.WhenAll(sends), r => Ok(r));

        var eleventh = await SentOrWaitingASecond(portfolio, number, customers[1]);
        Assert.False(eleventh.IsCompleted, "an 11th message went inside the second at 10 per second");
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Ok(await eleventh);
    }

    private async Task<(PortfolioDriver Portfolio, List<string> Customers)> WithOpenWindows(int customers, int? throughputPerSecond = null)
    {
        var portfolio = await PortfolioDriver.WithNumbers(fixture, numbers: 1, throughputPerSecond);
        var list = PortfolioDriver.Customers(customers);
        await Task.WhenAll(list.Select(async c => Ok(await portfolio.Conversation(portfolio.Numbers[0], c)
            .RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", fixture.Clock.GetUtcNow(), InboundMessageType.Text, "hi")))));
        return (portfolio, list);
    }

    /// <summary>
    /// Starts the send and returns it once it either finished or began waiting a second on the fake clock for its slot;
    /// the clock stands still until the test moves it, so a send still running then has provably not reached Meta.
    /// </summary>
    private async Task<Task<Result<SendReceipt>>> SentOrWaitingASecond(PortfolioDriver portfolio, string number, string customer)
    {
        var waiting = fixture.Clock.NextDelay(TimeSpan.FromSeconds(1));
        var sending = SendText(portfolio, number, customer);
        await Task.WhenAny(sending, waiting).WaitAsync(TimeSpan.FromSeconds(20));
        return sending;
    }

    private static Task<Result<SendReceipt>> SendText(PortfolioDriver portfolio, string number, string customer) =>
        portfolio.Conversation(number, customer).Send(Text());

    private int SentFrom(string number) => fixture.WhatsApp.Sent.Count(s => s.Message.BusinessNumberId == number);
}
