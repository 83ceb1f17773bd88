using Conversations.Abstractions.Events;
using Conversations.Grains.Events;

namespace Conversations.Grains.Tests.Events;

public sealed class RetainedEventLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private const long Unbounded = long.MaxValue;

    private static PublishedEvent Event(string customer = "16505550100", long sequence = 1) =>
        new("1001", customer, sequence, ConversationEventKind.InboundMessage, T0);

    [Fact]
    public void Positions_continue_from_where_the_log_starts_and_count_up_by_one()
    {
        var log = new RetainedEventLog(nextPosition: 100_001, capacity: 10, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));

        var first = log.Append(Event(), 100, T0);
        var second = log.Append(Event(sequence: 2), 100, T0);

        Assert.Equal(100_001, first.Position);
        Assert.Equal(100_002, second.Position);
        Assert.Equal(100_002, log.LatestPosition);
        Assert.Equal(100_001, log.OldestRetainedPosition);
    }

    [Fact]
    public void Beyond_its_capacity_the_oldest_events_go_and_a_read_from_before_them_is_truncated()
    {
        var log = new RetainedEventLog(1, capacity: 3, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));
        for (var i = 1; i <= 5; i++)
        {
            log.Append(Event(sequence: i), 100, T0);
        }

        var fromTheStart = log.Read(0, null, 100, T0);
        var fromRetained = log.Read(2, null, 100, T0);

        Assert.Equal([3L, 4, 5], fromTheStart.Events.Select(e => e.Position));
        Assert.True(fromTheStart.Truncated);
        Assert.Equal([3L, 4, 5], fromRetained.Events.Select(e => e.Position));
        Assert.False(fromRetained.Truncated);
    }

    [Fact]
    public void Events_older_than_the_retention_are_dropped()
    {
        var log = new RetainedEventLog(1, capacity: 100, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));
        log.Append(Event(sequence: 1), 100, T0);
        log.Append(Event(sequence: 2), 100, T0.AddHours(2));

        var read = log.Read(0, null, 100, T0.AddHours(25));

        Assert.Equal([2L], read.Events.Select(e => e.Position));
        Assert.True(read.Truncated);
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void An_erased_customers_events_are_never_read_again_and_the_positions_they_held_are_no_truncation()
    {
        // Arrange
        var log = new RetainedEventLog(1, capacity: 10, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));
        log.Append(Event("16505550100", 1), 100, T0);
        log.Append(Event("16505550199", 1), 110, T0);
        log.Append(Event("16505550100", 2), 120, T0);
        log.Append(Event("16505550199", 2), 130, T0);

        // Act
        var erased = log.Erase("16505550100");

        // Assert
        Assert.Equal(2, erased);
        Assert.Equal(240 + (2 * FeedEntrySize.Overhead), log.Bytes);
        var everything = log.Read(0, null, 100, T0);
        Assert.Equal([2L, 4], everything.Events.Select(e => e.Position));
        Assert.False(everything.Truncated);
        var theirs = log.Read(0, "16505550100", 100, T0);
        Assert.Empty(theirs.Events);
        Assert.Equal(4, theirs.Through);
        var resumed = log.Read(2, null, 100, T0);
        Assert.Equal([4L], resumed.Events.Select(e => e.Position));
        Assert.False(resumed.Truncated);
        Assert.Equal(5, log.Append(Event("16505550100", 3), 100, T0).Position);
    }

    [Fact]
    public void A_customer_filtered_read_skips_other_customers_and_covers_up_to_the_latest_position()
    {
        var log = new RetainedEventLog(1, capacity: 100, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));
        log.Append(Event("16505550100"), 100, T0);
        log.Append(Event("16505550199"), 100, T0);
        log.Append(Event("16505550100", 2), 100, T0);
        log.Append(Event("16505550199", 2), 100, T0);

        var read = log.Read(0, "16505550100", 100, T0);

        Assert.Equal([1L, 3], read.Events.Select(e => e.Position));
        Assert.Equal(4, read.Through);
        Assert.False(read.Truncated);
    }

    [Fact]
    public void A_read_cut_short_by_its_page_size_ends_at_its_last_event()
    {
        var log = new RetainedEventLog(1, capacity: 100, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));
        for (var i = 1; i <= 10; i++)
        {
            log.Append(Event(sequence: i), 100, T0);
        }

        var page = log.Read(2, null, 3, T0);

        Assert.Equal([3L, 4, 5], page.Events.Select(e => e.Position));
        Assert.Equal(5, page.Through);
    }

    [Fact]
    public void A_long_run_keeps_only_the_capacity_and_reads_stay_exact()
    {
        var log = new RetainedEventLog(1, capacity: 50, maxBytes: Unbounded, retention: TimeSpan.FromHours(24));
        for (var i = 1; i <= 10_000; i++)
        {
            log.Append(Event(sequence: i), 100, T0);
        }

        var read = log.Read(9_960, null, 100, T0);

        Assert.Equal(50, log.Count);
        Assert.Equal(9_951, log.OldestRetainedPosition);
        Assert.Equal(Enumerable.Range(9_961, 40).Select(i => (long)i), read.Events.Select(e => e.Position));
        Assert.Equal(read.Events.Select(e => e.Position), read.Events.Select(e => e.Event.Sequence));
    }

    [Fact]
    public void Beyond_its_byte_budget_the_oldest_events_go_and_the_newest_stay_whole()
    {
        var log = new RetainedEventLog(1, capacity: 100, maxBytes: 10_000, retention: TimeSpan.FromHours(24));
        for (var i = 1; i <= 50; i++)
        {
            log.Append(Event(sequence: i), 3_000, T0);
            Assert.InRange(log.Bytes, 3_000, 10_000);
        }

        var read = log.Read(0, null, 100, T0);

        Assert.Equal(9_000, log.Bytes);
        Assert.Equal([48L, 49, 50], read.Events.Select(e => e.Position));
        Assert.Equal([48L, 49, 50], read.Events.Select(e => e.Event.Sequence));
        Assert.True(read.Truncated);
    }

    [Fact]
    public void A_large_event_pushes_out_as_many_small_ones_as_it_needs()
    {
        var log = new RetainedEventLog(1, capacity: 100, maxBytes: 1_000, retention: TimeSpan.FromHours(24));
        for (var i = 1; i <= 10; i++)
        {
            log.Append(Event(sequence: i), 100, T0);
        }

        log.Append(Event(sequence: 11), 550, T0);

        // 1,550 bytes: the six oldest go, leaving four small ones and the large one.
        Assert.Equal(7, log.OldestRetainedPosition);
        Assert.Equal(4 * 100 + 550, log.Bytes);
    }

    [Fact]
    public void An_event_larger_than_the_whole_budget_is_kept_alone_so_the_latest_position_stays_readable()
    {
        var log = new RetainedEventLog(1, capacity: 100, maxBytes: 1_000, retention: TimeSpan.FromHours(24));
        log.Append(Event(sequence: 1), 100, T0);
        log.Append(Event(sequence: 2), 100, T0);

        log.Append(Event(sequence: 3), 5_000, T0);
        var read = log.Read(0, null, 100, T0);

        Assert.Equal([3L], read.Events.Select(e => e.Position));
        Assert.Equal(5_000, log.Bytes);
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void Bytes_of_events_dropped_for_age_or_count_are_given_back()
    {
        var log = new RetainedEventLog(1, capacity: 2, maxBytes: 1_000, retention: TimeSpan.FromHours(24));
        log.Append(Event(sequence: 1), 300, T0);
        log.Append(Event(sequence: 2), 200, T0.AddHours(2));
        log.Append(Event(sequence: 3), 100, T0.AddHours(2));
        var afterCount = log.Bytes;

        log.Read(0, null, 100, T0.AddHours(27));

        Assert.Equal(300, afterCount);
        Assert.Equal(0, log.Bytes);
        Assert.Equal(0, log.Count);
    }
}
