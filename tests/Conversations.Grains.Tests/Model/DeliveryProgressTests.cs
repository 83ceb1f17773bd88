using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Grains.Conversation;

namespace Conversations.Grains.Tests.Model;

/// <summary>Status webhooks arrive late, twice and out of order; a message's progress must not care.</summary>
public sealed class DeliveryProgressTests
{
    private static readonly DateTimeOffset T0 = ModelDriver.T0;

    private static readonly MessageLogEntry Accepted = new(
        "cnv.1", "k", "text", MessageKind.FreeForm, MessageStatus.Accepted, T0, T0, null, false, null, null, null) { Wamid = "wamid.1" };

    private static MessageLogEntry Apply(MessageLogEntry entry, MessageStatus status, int seconds, MetaError? error = null) =>
        DeliveryProgress.Apply(entry, new StatusUpdate("wamid.1", status, T0.AddSeconds(seconds), error, null));

    [Fact]
    public void A_status_only_moves_forward()
    {
        var read = Apply(Apply(Accepted, MessageStatus.Delivered, 2), MessageStatus.Read, 3);

        var lateSent = Apply(read, MessageStatus.Sent, 1);

        Assert.Equal(MessageStatus.Read, lateSent.Status);
        Assert.Equal(T0.AddSeconds(1), lateSent.SentAt);
    }

    [Fact]
    public void A_read_without_a_delivered_means_it_was_delivered_then()
    {
        var read = Apply(Accepted, MessageStatus.Read, 5);

        Assert.Equal((MessageStatus.Read, T0.AddSeconds(5), T0.AddSeconds(5)), (read.Status, read.DeliveredAt, read.ReadAt));
    }

    [Fact]
    public void Failed_may_come_after_delivered_and_nothing_moves_a_failed_message_again()
    {
        var error = new MetaError(131026, "Message undeliverable", null);
        var failed = Apply(Apply(Accepted, MessageStatus.Delivered, 2), MessageStatus.Failed, 4, error);

        Assert.Equal((MessageStatus.Failed, T0.AddSeconds(4), error), (failed.Status, failed.FailedAt, failed.MetaError));
        Assert.Equal(failed, Apply(failed, MessageStatus.Read, 5));
        Assert.Equal(failed, Apply(failed, MessageStatus.Failed, 6));
    }

    [Fact]
    public void A_duplicate_status_changes_nothing()
    {
        var delivered = Apply(Accepted, MessageStatus.Delivered, 2);

        Assert.Equal(delivered, Apply(delivered, MessageStatus.Delivered, 2));
    }
}
