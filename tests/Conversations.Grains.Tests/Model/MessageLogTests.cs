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

    [Fact]
    public void Folding_records_keeps_each_message_at_its_latest_record_in_the_order_messages_were_created()
    {
        var a = Message("a", MessageStatus.Accepted) with { Dispatching = true };
        var b = Message("b", MessageStatus.Accepted);
        var aSent = a with { Dispatching = false, Entry = a.Entry with { Status = MessageStatus.Sent } };

        var log = MessageLog.Fold([a, b, aSent], scheduled: [], capacity: 10);

        Assert.Equal(["a", "b"], log.Select(m => m.Entry.IdempotencyKey));
        Assert.Equal(MessageStatus.Sent, log[0].Entry.Status);
        Assert.False(log[0].Dispatching);
    }

    [Fact]
    public void Folding_leaves_out_a_send_whose_idempotency_key_a_later_send_took_over()
    {
        var refused = Message("k", MessageStatus.Failed);
        var retried = refused with { Entry = refused.Entry with { MessageId = "cnv.k2", Status = MessageStatus.Accepted, CreatedAt = ModelDriver.T0.AddSeconds(1) } };

        var log = MessageLog.Fold([refused, retried], scheduled: [], capacity: 10);

        Assert.Equal("cnv.k2", Assert.Single(log).Entry.MessageId);
    }

    [Fact]
    public void Folding_merges_the_states_scheduled_sends_unless_the_log_already_records_their_decision()
    {
        var waiting = Message("later", MessageStatus.Scheduled);
        var decidedInState = Message("decided", MessageStatus.Scheduled);
        var decidedInLog = decidedInState with { Entry = decidedInState.Entry with { Status = MessageStatus.Accepted } };

        var log = MessageLog.Fold([decidedInLog], scheduled: [waiting, decidedInState], capacity: 10);

        Assert.Equal(MessageStatus.Accepted, Assert.Single(log, m => m.Entry.IdempotencyKey == "decided").Entry.Status);
        Assert.Equal(MessageStatus.Scheduled, Assert.Single(log, m => m.Entry.IdempotencyKey == "later").Entry.Status);
    }

    [Fact]
    public void Folding_keeps_the_newest_messages_up_to_the_capacity()
    {
        var records = Enumerable.Range(0, 5).Select(i => Message($"m{i}", MessageStatus.Accepted) with { Entry = Message($"m{i}", MessageStatus.Accepted).Entry with { CreatedAt = ModelDriver.T0.AddSeconds(i) } });

        var log = MessageLog.Fold(records, scheduled: [], capacity: 3);

        Assert.Equal(["m2", "m3", "m4"], log.Select(m => m.Entry.IdempotencyKey));
    }
}
