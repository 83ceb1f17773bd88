using Conversations.Grains.Conversation;

namespace Conversations.Grains.Tests.Model;

/// <summary>Which customer messages a conversation can still mark read: kept 60 days from their send time, at most a capacity.</summary>
public sealed class ReadableInboundTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_remembered_message_is_found_with_its_send_time_to_the_second()
    {
        var state = new ConversationState();

        ReadableInbound.Remember(state, "wamid.1", Start.AddMilliseconds(700), Start.AddMinutes(1), capacity: 10);

        Assert.Equal(Start, ReadableInbound.SentAt(state, "wamid.1"));
        Assert.Null(ReadableInbound.SentAt(state, "wamid.2"));
    }

    [Fact]
    public void Past_the_capacity_the_oldest_message_is_forgotten_first()
    {
        var state = new ConversationState();

        for (var i = 1; i <= 4; i++)
        {
            ReadableInbound.Remember(state, $"wamid.{i}", Start.AddMinutes(i), Start.AddMinutes(i), capacity: 3);
        }

        Assert.Null(ReadableInbound.SentAt(state, "wamid.1"));
        Assert.Equal(Start.AddMinutes(2), ReadableInbound.SentAt(state, "wamid.2"));
        Assert.Equal(Start.AddMinutes(4), ReadableInbound.SentAt(state, "wamid.4"));
        Assert.Equal(3 * InboundIds.BytesPerId, state.InboundReadable.Length);
    }

    [Fact]
    public void A_message_sent_more_than_twice_Metas_30_days_ago_is_let_go_on_the_next_inbound()
    {
        var state = new ConversationState();
        ReadableInbound.Remember(state, "wamid.old", Start, Start, capacity: 10);

        var later = Start + ReadableInbound.Kept + TimeSpan.FromSeconds(1);
        ReadableInbound.Remember(state, "wamid.new", later, later, capacity: 10);

        Assert.Equal(TimeSpan.FromDays(60), ReadableInbound.Kept);
        Assert.Null(ReadableInbound.SentAt(state, "wamid.old"));
        Assert.Equal(later, ReadableInbound.SentAt(state, "wamid.new"));
    }
}
