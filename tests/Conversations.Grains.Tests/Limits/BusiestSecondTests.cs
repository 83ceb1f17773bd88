using Conversations.Abstractions.Limits;

namespace Conversations.Grains.Tests.Limits;

/// <summary>Meta's throughput as counted from arrival times: any one-second span, both ends included, wherever it starts.</summary>
public sealed class BusiestSecondTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 0 }, 1)]
    [InlineData(new[] { 0, 1_000 }, 2)]
    [InlineData(new[] { 0, 1_001 }, 1)]
    [InlineData(new[] { 1_500, 0, 600, 900, 2_700 }, 3)]
    public void Counts_the_most_arrivals_in_any_one_second_span(int[] milliseconds, int busiest) =>
        Assert.Equal(busiest, BusiestSecond.Of(milliseconds.Select(ms => T0 + TimeSpan.FromMilliseconds(ms))));
}
