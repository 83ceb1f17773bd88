using Conversations.Abstractions.Messages;
using Conversations.Grains.Conversation;

namespace Conversations.Grains.Tests.Model;

/// <summary>The bounded log: the oldest decided sends go first, a scheduled send is never dropped before it is decided.</summary>
public sealed class MessageLogTests
{
    private static ConversationMessage Message(string key, MessageStatus status) =>
        new(new MessageLogEntry($"cnv.{key}", key, "text", null, status, ModelDriver.T0, null, null, false, null, null, null), key, null);

    [Fact]
    public void Past_its_capacity_the_log_drops_its_oldest_decided_sends_and_keeps_scheduled_ones()
    {
        var log = new List<ConversationMessage> { Message("scheduled", MessageStatus.Scheduled), Message("a", MessageStatus.Accepted) };

        MessageLog.Append(log, Message("b", MessageStatus.Accepted), capacity: 2);
        MessageLog.Append(log, Message("c", MessageStatus.Failed), capacity: 2);

        Assert.Equal(["scheduled", "c"], log.Select(m => m.Entry.IdempotencyKey));
    }

    [Fact]
    public void An_idempotency_key_finds_its_latest_send()
    {
        var log = new List<ConversationMessage> { Message("a", MessageStatus.Failed), Message("b", MessageStatus.Accepted), Message("a", MessageStatus.Accepted) };

        Assert.Equal(2, MessageLog.FindByKey(log, "a"));
        Assert.Equal(-1, MessageLog.FindByKey(log, "missing"));
    }
}
