using Conversations.Grains.Limits;

namespace Conversations.Grains.Tests.Limits;

/// <summary>Slots counted per minute leave the moving window a whole window after their minute ends, never earlier.</summary>
public sealed class MinuteCountsTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void A_slot_taken_at_any_second_of_a_minute_stays_counted_a_full_day_after_it()
    {
        var taken = new DateTimeOffset(2026, 11, 25, 9, 0, 59, 999, TimeSpan.Zero);
        var counts = new Dictionary<long, int> { [MinuteCounts.MinuteOf(taken)] = 1 };

        MinuteCounts.Prune(counts, taken + Day, Day);
        Assert.Equal(1, MinuteCounts.Used(counts));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 1, 0, TimeSpan.Zero), MinuteCounts.ResetsAt(counts, Day));

        MinuteCounts.Prune(counts, new DateTimeOffset(2026, 11, 26, 9, 1, 0, TimeSpan.Zero), Day);
        Assert.Equal(0, MinuteCounts.Used(counts));
        Assert.Null(MinuteCounts.ResetsAt(counts, Day));
    }

    [Fact]
    public void Minutes_before_1970_round_down_too()
    {
        var instant = new DateTimeOffset(1969, 12, 31, 23, 59, 30, TimeSpan.Zero);

        Assert.Equal(-1, MinuteCounts.MinuteOf(instant));
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero) + Day, MinuteCounts.LeavesWindowAt(-1, Day));
    }
}
