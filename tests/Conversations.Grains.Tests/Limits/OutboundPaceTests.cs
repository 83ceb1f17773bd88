using Conversations.Grains.Limits;

namespace Conversations.Grains.Tests.Limits;

/// <summary>The pace itself: no one-second span ever holds more than the number's messages per second.</summary>
public sealed class OutboundPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Messages_arriving_steadily_below_the_rate_never_wait()
    {
        var pace = new OutboundPace(TimeSpan.FromSeconds(2));

        var slots = Enumerable.Range(0, 500).Select(i => pace.Reserve(Start + TimeSpan.FromMilliseconds(20 * i), 80)).ToList();

        Assert.All(slots, s => Assert.True(s.Accepted));
        Assert.All(slots.Select((s, i) => s.SendAt - (Start + TimeSpan.FromMilliseconds(20 * i))), wait => Assert.Equal(TimeSpan.Zero, wait));
    }

    [Fact]
    public void No_one_second_span_holds_more_than_the_rate_whatever_the_arrivals()
    {
        var pace = new OutboundPace(TimeSpan.FromSeconds(2));
        var random = new Random(7);
        var now = Start;
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 2_000; i++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(0, 15));
            if (pace.Reserve(now, 80) is { Accepted: true } slot)
            {
                sent.Add(slot.SendAt);
            }
        }

        Assert.All(sent.Select((t, i) => sent.Skip(i).TakeWhile(u => u < t + TimeSpan.FromSeconds(1)).Count()), n => Assert.True(n <= 80, $"{n} messages in one second"));
        Assert.True(sent.Count > 1_000);
    }

    [Fact]
    public void A_lower_rate_counts_only_the_newest_sends()
    {
        var pace = new OutboundPace(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 80; i++)
        {
            pace.Reserve(Start, 80);
        }

        var slot = pace.Reserve(Start + TimeSpan.FromMilliseconds(500), 10);

        Assert.Equal(Start + TimeSpan.FromSeconds(1), slot.SendAt);
    }

    [Fact]
    public void With_no_queue_allowed_a_full_second_is_refused_outright()
    {
        var pace = new OutboundPace(TimeSpan.Zero);
        pace.Reserve(Start, 1);

        var refused = pace.Reserve(Start + TimeSpan.FromMilliseconds(250), 1);

        Assert.False(refused.Accepted);
        Assert.Equal(TimeSpan.FromMilliseconds(750), refused.RetryAfter);
    }
}
