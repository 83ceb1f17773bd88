using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Conversation;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ScheduledSendGrainTests(ClusterFixture fixture)
{
    private static async Task<MessageLogEntry> Decided(ConversationDriver conversation, string messageId) =>
        (await Eventually.Until(
            () => conversation.Messages(),
            log => log.Any(m => m.MessageId == messageId && m.Status != MessageStatus.Scheduled)))
        .Single(m => m.MessageId == messageId);

    [Fact]
    public async Task A_scheduled_send_is_held_and_decided_at_its_send_time()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        var receipt = Ok(await conversation.Send(Text(key: "later") with { SendAt = conversation.Now + TimeSpan.FromHours(2) }));
        Assert.Equal(MessageStatus.Scheduled, receipt.Status);
        Assert.Equal(conversation.Now + TimeSpan.FromHours(2), receipt.ScheduledFor);

        conversation.Advance(TimeSpan.FromHours(2));
        var decided = await Decided(conversation, receipt.MessageId);

        Assert.Equal(MessageStatus.Accepted, decided.Status);
        Assert.Equal(MessageKind.FreeForm, decided.Kind);
        Assert.Equal(conversation.Now, decided.DecidedAt);
    }

    [Fact]
    public async Task A_free_form_send_scheduled_past_the_window_expiry_fails_with_window_closed_at_send_time()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        var receipt = Ok(await conversation.Send(Text() with { SendAt = conversation.Now + TimeSpan.FromHours(25) }));
        conversation.Advance(TimeSpan.FromHours(25));
        var decided = await Decided(conversation, receipt.MessageId);

        Assert.Equal(MessageStatus.Failed, decided.Status);
        Assert.Equal(RefusalReason.WindowClosed, decided.Refusal!.Reason);
    }

    [Fact]
    public async Task A_scheduled_send_crossing_the_expiry_goes_out_as_its_fallback_template()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("still_there", "Are you still there, {{1}}?");
        await conversation.InboundNow();

        var receipt = Ok(await conversation.Send(Text() with
        {
            SendAt = conversation.Now + TimeSpan.FromHours(30),
            FallbackTemplate = TemplateOf("still_there", "Ana"),
        }));
        conversation.Advance(TimeSpan.FromHours(30));
        var decided = await Decided(conversation, receipt.MessageId);

        Assert.Equal(MessageStatus.Accepted, decided.Status);
        Assert.Equal(MessageKind.Template, decided.Kind);
        Assert.True(decided.UsedFallback);
    }

    [Fact]
    public async Task A_scheduled_send_is_decided_against_the_window_at_send_time_not_at_request_time()
    {
        var conversation = await Registered(fixture);

        var receipt = Ok(await conversation.Send(Text() with { SendAt = conversation.Now + TimeSpan.FromHours(1) }));
        await conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(1));
        var decided = await Decided(conversation, receipt.MessageId);

        Assert.Equal(MessageStatus.Accepted, decided.Status);
    }

    [Fact]
    public async Task A_cancelled_scheduled_send_is_never_decided()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var receipt = Ok(await conversation.Send(Text(key: "cancel-me") with { SendAt = conversation.Now + TimeSpan.FromHours(1) }));

        var cancelled = Ok(await conversation.Grain.CancelScheduled("cancel-me"));
        await conversation.AdvanceThroughTick(TimeSpan.FromHours(2), ReminderChange.ScheduledSends);

        Assert.Equal(MessageStatus.Cancelled, cancelled.Status);
        Assert.Equal(MessageStatus.Cancelled, (await conversation.Messages()).Single(m => m.MessageId == receipt.MessageId).Status);
    }

    [Fact]
    public async Task Only_a_scheduled_send_can_be_cancelled_and_only_one_that_exists()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        Ok(await conversation.SendText(key: "already-sent"));

        Refused(await conversation.Grain.CancelScheduled("already-sent"), RefusalReason.NotCancellable);
        Refused(await conversation.Grain.CancelScheduled("never-seen"), RefusalReason.ScheduledSendNotFound);
    }

    [Fact]
    public async Task Sends_further_ahead_than_allowed_are_refused()
    {
        var conversation = await Registered(fixture);

        var refusal = Refused(await conversation.Send(Text() with { SendAt = conversation.Now + TimeSpan.FromDays(31) }), RefusalReason.InvalidField);

        Assert.Equal("send_at", refusal.Metadata["field"]);
    }

    [Fact]
    public async Task Several_scheduled_sends_are_decided_in_send_time_order()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var third = Ok(await conversation.Send(Text("3") with { SendAt = conversation.Now + TimeSpan.FromMinutes(30) }));
        var first = Ok(await conversation.Send(Text("1") with { SendAt = conversation.Now + TimeSpan.FromMinutes(10) }));
        var second = Ok(await conversation.Send(Text("2") with { SendAt = conversation.Now + TimeSpan.FromMinutes(20) }));

        // The first tick re-arms the reminder for the second send; the clock moves again only once that tick is handled.
        await conversation.AdvanceThroughTick(TimeSpan.FromMinutes(10), ReminderChange.ScheduledSends);
        await Decided(conversation, first.MessageId);
        Assert.Equal(MessageStatus.Scheduled, (await conversation.Messages()).Single(m => m.MessageId == second.MessageId).Status);
        conversation.Advance(TimeSpan.FromMinutes(20));
        await Decided(conversation, third.MessageId);

        var log = await conversation.Messages();
        Assert.All(log, m => Assert.Equal(MessageStatus.Accepted, m.Status));
        Assert.True(log.Single(m => m.MessageId == second.MessageId).DecidedAt <= log.Single(m => m.MessageId == third.MessageId).DecidedAt);
    }

    [Fact]
    public async Task The_message_log_lists_newest_first_and_honours_the_limit()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var a = Ok(await conversation.SendText("a"));
        var b = Ok(await conversation.SendText("b"));
        var c = Ok(await conversation.SendText("c"));

        var two = await conversation.Messages(2);

        Assert.Equal([c.MessageId, b.MessageId], two.Select(m => m.MessageId));
        Assert.Equal(3, (await conversation.Messages()).Length);
        Refused(await conversation.Grain.ListMessages(-1), RefusalReason.InvalidField);
        _ = a;
    }
}
