using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

/// <summary>
/// One number at 1,000/s, open loop from T0: 5 s of warm-up, then 60 s measured; Meta's arrivals synthesised in Unix µs.
/// </summary>
public sealed class PacingVerdictTests
{
    private const int Limit = 1_000;
    private const long Millisecond = 1_000;
    private const long Second = 1_000_000;
    private const long T0 = 1_764_000_000 * Second;
    private const int Sent = 65_000;

    private static readonly OpenLoopSchedule s_schedule = new(T0, T0 + (5 * Second), T0 + (65 * Second), Limit);

    [Fact]
    public void Every_send_arriving_on_its_slot_passes()
    {
        var verdict = Judge(OnSchedule());

        Assert.True(verdict.Passed);
        Assert.Equal(1_000, verdict.BusiestSecond);
        Assert.Equal(0, verdict.EarlyArrivals);
        // From the start of the measurement: the last two warm-up sends arrive 2 ms into it.
        Assert.Equal(60_002, verdict.ArrivalsInMeasurement);
        Assert.Equal(2.0, verdict.FirstArrivalAfterFirstIntendedMs);
    }

    [Fact]
    public void A_refused_send_fails_however_the_arrivals_look()
    {
        var verdict = Judge(OnSchedule(), refused: 3);

        Assert.False(verdict.NoneRefused);
        Assert.True(verdict.NoneEarly);
        Assert.True(verdict.WithinThroughput);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void An_arrival_before_the_first_intended_send_is_early()
    {
        long[] arrivals = [T0 - Millisecond, .. OnSchedule()];

        var verdict = Judge(arrivals);

        Assert.Equal(1, verdict.EarlyArrivals);
        Assert.False(verdict.NoneEarly);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void More_arrivals_than_sends_made_so_far_are_early()
    {
        // Three copies of the 1,000th send (say, retried POSTs): Meta holds 1,003 messages 2 ms after the tester's 1,001st.
        var arrivals = OnSchedule().ToList();
        arrivals.InsertRange(1_000, Enumerable.Repeat(arrivals[999], 3));

        var verdict = Judge([.. arrivals]);

        Assert.False(verdict.NoneEarly);
    }

    [Fact]
    public void Sends_held_back_and_released_together_exceed_the_throughput_in_a_sliding_second()
    {
        // The pacer held 200 sends for 200 ms, 30 s in, then let them all go at once.
        var arrivals = OnSchedule();
        for (var k = 30_000; k < 30_200; k++)
        {
            arrivals[k] = T0 + (30_200 * Millisecond) + (2 * Millisecond);
        }

        var verdict = Judge(arrivals);

        Assert.Equal(1_200, verdict.BusiestSecond);
        Assert.False(verdict.WithinThroughput);
        Assert.True(verdict.NoneEarly);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void A_burst_during_warm_up_does_not_count()
    {
        var arrivals = OnSchedule();
        for (var k = 2_000; k < 2_200; k++)
        {
            arrivals[k] = T0 + (2_200 * Millisecond) + (2 * Millisecond);
        }

        var verdict = Judge(arrivals, simulatorBusiestSecond: 1_200);

        Assert.Equal(1_000, verdict.BusiestSecond);
        Assert.Equal(1_200, verdict.SimulatorBusiestSecond);
        Assert.True(verdict.Passed);
    }

    [Fact]
    public void Arrivals_the_simulator_no_longer_keeps_before_the_measurement_still_count_as_sent()
    {
        // It kept the latest 62,000 of 65,000: the 3,000 it dropped were warm-up.
        var verdict = Judge(OnSchedule()[3_000..], received: Sent);

        Assert.True(verdict.Passed);
        Assert.Equal(0, verdict.EarlyArrivals);
        Assert.Equal(62_000, verdict.ArrivalsKept);
        Assert.Null(verdict.FirstArrivalAfterFirstIntendedMs);
    }

    [Fact]
    public void When_the_simulator_dropped_arrivals_of_the_measurement_the_arrivals_are_not_judged()
    {
        var verdict = Judge(OnSchedule()[10_000..], received: Sent);

        Assert.True(verdict.NoneRefused);
        Assert.Null(verdict.NoneEarly);
        Assert.Null(verdict.WithinThroughput);
        Assert.Null(verdict.Passed);
        Assert.Contains("ArrivalsPerNumber", verdict.ArrivalsNotCheckedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_arrival_log_a_refusal_still_fails_and_otherwise_nothing_is_decided()
    {
        Assert.False(PacingVerdict.Unchecked(Limit, Limit, Sent, refused: 1, "404").Passed);
        Assert.Null(PacingVerdict.Unchecked(Limit, Limit, Sent, refused: 0, "404").Passed);
    }

    [Fact]
    public void No_send_at_all_is_not_a_pass() =>
        Assert.False(PacingVerdict.Evaluate(Limit, s_schedule, sends: 0, refused: 0, Arrivals([])).Passed);

    /// <summary>Each of the 65,000 sends at Meta 2 ms after its slot.</summary>
    private static long[] OnSchedule() => [.. SlidingSecondTests.Steady(T0 + (2 * Millisecond), Sent, Limit)];

    private static PacingVerdict Judge(long[] arrivals, long refused = 0, long? received = null, int simulatorBusiestSecond = Limit) =>
        PacingVerdict.Evaluate(Limit, s_schedule, sends: 60_000, refused, Arrivals(arrivals, received, simulatorBusiestSecond));

    private static MetaArrivals Arrivals(long[] arrivals, long? received = null, int busiestSecond = Limit) =>
        new("91764000000000", received ?? arrivals.Length, arrivals.Length, busiestSecond, arrivals);
}
