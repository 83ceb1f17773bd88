using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

public sealed class SlidingSecondTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void No_arrival_is_a_busiest_second_of_zero() =>
        Assert.Equal(0, SlidingSecond.Busiest([]));

    [Fact]
    public void Arrivals_exactly_one_second_apart_are_in_different_spans() =>
        Assert.Equal(1_000, SlidingSecond.Busiest(Steady(start: 0, count: 5_000, perSecond: 1_000)));

    [Fact]
    public void A_burst_straddling_two_calendar_seconds_is_one_sliding_second()
    {
        // 600 in the last half second of one calendar second and 600 in the first half of the next: 600 per calendar second, 1,200 sliding.
        long[] arrivals = [.. Steady(Second / 2, 600, 1_200), .. Steady(Second, 600, 1_200)];

        Assert.Equal(1_200, SlidingSecond.Busiest(arrivals));
    }

    [Fact]
    public void Arrivals_before_the_start_do_not_count()
    {
        // A warm-up burst of 2,000 in the first second, then a steady 1,000/s from the third.
        long[] arrivals = [.. Steady(0, 2_000, 2_000), .. Steady(2 * Second, 3_000, 1_000)];

        Assert.Equal(2_000, SlidingSecond.Busiest(arrivals));
        Assert.Equal(1_000, SlidingSecond.Busiest(arrivals, fromUnixMicroseconds: 2 * Second));
    }

    /// <summary>count arrivals from start, evenly spaced at perSecond.</summary>
    internal static long[] Steady(long start, int count, int perSecond) =>
        [.. Enumerable.Range(0, count).Select(i => start + (i * Second / perSecond))];
}
