using Conversations.Abstractions.Events;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Events;

namespace Conversations.Grains.Tests.Events;

/// <summary>Where a subscription may resume: a feed at 1,000 that retains 901 to 1,000, and replays of at most 50.</summary>
public sealed class SubscribeCursorTests
{
    private const string Number = "106540352242922";
    private const int MaxReplay = 50;

    private static readonly EventHubStatus Feed = new(LatestPosition: 1_000, OldestRetainedPosition: 901, RetainedEvents: 100, Subscribers: 0);

    [Theory]
    [InlineData(1_000)]
    [InlineData(990)]
    [InlineData(950)]
    public void A_cursor_at_most_the_bound_behind_the_latest_position_resumes(long after) =>
        Assert.Null(SubscribeCursor.Check(Number, after, Feed, MaxReplay));

    [Theory]
    [InlineData(1_001)]
    [InlineData(-1)]
    public void A_cursor_ahead_of_the_feed_is_an_invalid_field_naming_the_latest_position(long after)
    {
        var refusal = SubscribeCursor.Check(Number, after, Feed, MaxReplay);

        Assert.Equal(RefusalReason.InvalidField, refusal?.Reason);
        Assert.Equal("after_position", refusal!.Metadata["field"]);
        Assert.Equal("1000", refusal.Metadata["latest_position"]);
    }

    [Theory]
    [InlineData(949, 51)]
    [InlineData(901, 99)]
    [InlineData(900, 100)]
    public void A_cursor_further_behind_is_refused_as_a_replay_too_large_saying_where_to_resume(long after, long replay)
    {
        var refusal = SubscribeCursor.Check(Number, after, Feed, MaxReplay);

        Assert.Equal(RefusalReason.ReplayTooLarge, refusal?.Reason);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["field"] = "after_position",
                ["max_replay_events"] = "50",
                ["replay_events"] = replay.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["latest_position"] = "1000",
                ["min_after_position"] = "950",
            },
            refusal!.Metadata);
        Assert.Null(SubscribeCursor.Check(Number, long.Parse(refusal.Metadata["min_after_position"], System.Globalization.CultureInfo.InvariantCulture), Feed, MaxReplay));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    public void A_cursor_older_than_the_feed_counts_only_what_is_retained(long after)
    {
        var refusal = SubscribeCursor.Check(Number, after, Feed, MaxReplay);
        var wholeFeedAllowed = SubscribeCursor.Check(Number, after, Feed, maxReplayEvents: 100);

        Assert.Equal("100", refusal?.Metadata["replay_events"]);
        Assert.Null(wholeFeedAllowed);
    }

    [Fact]
    public void An_empty_feed_resumes_from_zero()
    {
        var empty = new EventHubStatus(0, 1, 0, 0);

        Assert.Null(SubscribeCursor.Check(Number, 0, empty, 1));
    }
}
