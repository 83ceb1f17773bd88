using Conversations.Abstractions.Limits;
using Conversations.Grains.Limits;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// The pace itself, on timestamps: slots (1 s + margin) / N apart, so no one-second span at Meta holds more than N even
/// when messages reach it up to the margin late; a bounded queue; a precise refusal beyond it; rate changes.
/// </summary>
public sealed class OutboundPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan StartMargin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void Messages_arriving_steadily_below_the_rate_never_wait()
    {
        var pace = Steady(Bound);

        var slots = Enumerable.Range(0, 500).Select(i => pace.Reserve(At(20 * i), 80)).ToList();

        Assert.All(slots, s => Assert.True(s.Accepted));
        Assert.All(slots.Select((s, i) => (s.SendAt - At(20 * i), s.Wait)), waits => Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), waits));
    }

    [Fact]
    public void A_burst_of_200_at_80_per_second_goes_one_every_12_8125_ms_with_none_refused()
    {
        var pace = Steady(Bound);

        var slots = Enumerable.Range(0, 200).Select(_ => pace.Reserve(Start, 80)).ToList();

        Assert.Equal(TimeSpan.FromTicks(128_125), pace.Interval(80));
        Assert.All(slots, s => Assert.True(s.Accepted));
        Assert.Equal(slots.Select((_, i) => Start + (i * TimeSpan.FromTicks(128_125))), slots.Select(s => s.SendAt));
        Assert.Equal(slots.Select(s => s.SendAt - Start), slots.Select(s => s.Wait));
        // One fewer than the rate in any second of slots: the margin is the room for messages that reach Meta late.
        Assert.Equal(79, BusiestSecond.Of(slots.Select(s => s.SendAt)));
    }

    [Fact]
    public void Any_81_consecutive_slots_at_80_per_second_span_a_second_and_the_margin()
    {
        var pace = Steady(Bound);

        var slots = Enumerable.Range(0, 300).Select(_ => pace.Reserve(Start, 80).SendAt).ToList();

        Assert.All(slots.Skip(80).Zip(slots, (late, early) => late - early), span => Assert.True(span >= TimeSpan.FromSeconds(1) + Margin, $"81 slots within {span}"));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(1_000)]
    [InlineData(7)]
    public void No_second_at_Meta_holds_more_than_the_rate_when_each_message_arrives_up_to_the_margin_late(int perSecond)
    {
        var pace = new OutboundPace(Bound, Margin, StartMargin);
        var random = new Random(perSecond);
        var now = Start;
        var arrivals = new List<DateTimeOffset>();
        var meanGap = TimeSpan.TicksPerSecond * 2 / (3 * perSecond);
        for (var i = 0; i < 20 * perSecond; i++)
        {
            // Sends offered at random, about 1.5 times what the number may send.
            now += TimeSpan.FromTicks(random.NextInt64(0, 2 * meanGap));
            if (pace.Reserve(now, perSecond) is { Accepted: true } slot)
            {
                arrivals.Add(slot.SendAt + TimeSpan.FromTicks(random.NextInt64(0, Margin.Ticks)));
            }
        }

        Assert.True(BusiestSecond.Of(arrivals) <= perSecond, $"{BusiestSecond.Of(arrivals)} messages at Meta in one second at {perSecond}/s");
        Assert.True(arrivals.Count > 10 * perSecond, $"only {arrivals.Count} sent");
    }

    [Fact]
    public void A_thousand_at_once_on_a_1000_per_second_number_all_fit_in_the_queue_about_a_second_deep()
    {
        var pace = Steady(Bound);

        var slots = Enumerable.Range(0, 1_000).Select(_ => pace.Reserve(Start, 1_000)).ToList();

        Assert.All(slots, s => Assert.True(s.Accepted));
        Assert.Equal(TimeSpan.FromTicks(10_250), pace.Interval(1_000));
        Assert.Equal(Start + (999 * TimeSpan.FromTicks(10_250)), slots[^1].SendAt);
    }

    [Fact]
    public void A_slot_beyond_the_queue_bound_is_refused_with_how_much_later_it_would_fit_and_takes_nothing()
    {
        var pace = Steady(TimeSpan.FromSeconds(2));
        var accepted = Enumerable.Range(0, 2).Select(_ => pace.Reserve(Start, 1)).ToList();

        var refused = pace.Reserve(Start + TimeSpan.FromMilliseconds(10), 1);

        Assert.Equal([Start, Start + TimeSpan.FromMilliseconds(1_025)], accepted.Select(s => s.SendAt));
        Assert.False(refused.Accepted);
        Assert.Equal(TimeSpan.FromMilliseconds(2_050 - 10 - 2_000), refused.RetryAfter);
        var retried = pace.Reserve(Start + TimeSpan.FromMilliseconds(10) + refused.RetryAfter, 1);
        Assert.True(retried.Accepted);
        Assert.Equal((Start + TimeSpan.FromMilliseconds(2_050), TimeSpan.FromSeconds(2)), (retried.SendAt, retried.Wait));
    }

    [Fact]
    public void A_message_that_missed_its_slot_gets_the_next_one_even_beyond_the_queue_bound()
    {
        var pace = Steady(TimeSpan.FromSeconds(2));
        var last = Enumerable.Range(0, 2).Select(_ => pace.Reserve(Start, 1)).ToList()[^1];

        var replacement = pace.ReplaceMissed(Start, 1);

        Assert.True(replacement.Accepted);
        Assert.Equal((last.SendAt + pace.Interval(1), TimeSpan.FromMilliseconds(2_050)), (replacement.SendAt, replacement.Wait));
        Assert.Equal(replacement.SendAt + pace.Interval(1), pace.Peek(Start, 1).SendAt);
    }

    [Fact]
    public void Peek_answers_what_reserve_would_and_takes_nothing()
    {
        var pace = Steady(Bound);
        pace.Reserve(Start, 80);

        var peeked = Enumerable.Range(0, 3).Select(_ => pace.Peek(Start, 80)).ToList();
        var reserved = pace.Reserve(Start, 80);

        Assert.All(peeked, p => Assert.Equal(reserved, p));
        Assert.Equal(Start + pace.Interval(80), reserved.SendAt);
    }

    [Fact]
    public void After_the_rate_goes_down_nothing_at_the_new_rate_shares_a_second_with_the_old_rate_s_messages()
    {
        var pace = Steady(Bound);
        var old = Enumerable.Range(0, 80).Select(_ => pace.Reserve(Start, 80).SendAt).ToList();

        var lowered = Enumerable.Range(0, 20).Select(_ => pace.Reserve(Start + TimeSpan.FromMilliseconds(100), 10).SendAt).ToList();

        Assert.Equal(old[^1] + TimeSpan.FromSeconds(1) + Margin, lowered[0]);
        Assert.All(lowered.Skip(1).Zip(lowered, (b, a) => b - a), gap => Assert.Equal(TimeSpan.FromMilliseconds(102.5), gap));
        Assert.Equal(10, BusiestSecond.Of(lowered));
    }

    [Fact]
    public void After_the_rate_goes_up_the_next_slot_follows_at_the_new_spacing()
    {
        var pace = Steady(Bound);
        var last = Enumerable.Range(0, 10).Select(_ => pace.Reserve(Start, 80).SendAt).ToList()[^1];

        var raised = pace.Reserve(Start, 1_000);

        Assert.Equal(last + pace.Interval(1_000), raised.SendAt);
    }

    [Fact]
    public void The_first_rates_worth_of_a_burst_after_a_quiet_second_is_spaced_by_the_start_margin_and_the_rest_by_the_margin()
    {
        var pace = new OutboundPace(Bound, Margin, StartMargin);

        var first = Enumerable.Range(0, 200).Select(_ => pace.Reserve(Start, 80).SendAt).ToList();
        var afterQuiet = pace.Reserve(first[^1] + TimeSpan.FromSeconds(1.5), 80).SendAt;
        var next = pace.Reserve(first[^1] + TimeSpan.FromSeconds(1.5), 80).SendAt;

        Assert.Equal(TimeSpan.FromMilliseconds(15), pace.StartInterval(80));
        Assert.All(first.Take(80).Skip(1).Zip(first, (b, a) => b - a), gap => Assert.Equal(pace.StartInterval(80), gap));
        Assert.All(first.Skip(80).Zip(first.Skip(79), (b, a) => b - a), gap => Assert.Equal(pace.Interval(80), gap));
        Assert.Equal((first[^1] + TimeSpan.FromSeconds(1.5), pace.StartInterval(80)), (afterQuiet, next - afterQuiet));
    }

    [Fact]
    public void Steady_sends_never_count_as_a_new_burst()
    {
        var pace = new OutboundPace(Bound, Margin, StartMargin);

        var slots = Enumerable.Range(0, 400).Select(i => pace.Reserve(At(14 * i), 80).SendAt).ToList();

        Assert.All(slots.Skip(201).Zip(slots.Skip(200), (b, a) => b - a), gap => Assert.Equal(TimeSpan.FromMilliseconds(14), gap));
    }

    /// <summary>A pace without the wider start, for the rules that hold whatever the burst.</summary>
    private static OutboundPace Steady(TimeSpan bound) => new(bound, Margin, Margin);

    private static DateTimeOffset At(int milliseconds) => Start + TimeSpan.FromMilliseconds(milliseconds);
}
