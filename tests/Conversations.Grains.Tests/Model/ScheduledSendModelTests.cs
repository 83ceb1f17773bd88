using Conversations.Abstractions.Events;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Conversation;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

public sealed class ScheduledSendModelTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void A_send_in_the_future_is_held_and_the_reminder_follows_the_earliest_one()
    {
        var conversation = new ModelDriver();
        var at3h = conversation.Now + 3 * Hour;

        var first = conversation.Model.Receive(Text("a") with { SendAt = at3h }, conversation.Now)!;
        var later = conversation.Model.Receive(Text("b") with { SendAt = at3h + Hour }, conversation.Now)!;
        var earlier = conversation.Model.Receive(Text("c") with { SendAt = at3h - Hour }, conversation.Now)!;

        Assert.Equal(MessageStatus.Scheduled, Ok(first.Answer).Status);
        Assert.Equal(at3h, Ok(first.Answer).ScheduledFor);
        Assert.Equal<ReminderChange>([ReminderChange.Register(ReminderChange.ScheduledSends, at3h)], first.Reminders);
        Assert.Empty(later.Reminders);
        Assert.Equal<ReminderChange>([ReminderChange.Register(ReminderChange.ScheduledSends, at3h - Hour)], earlier.Reminders);
        Assert.Null(first.Dispatch);
    }

    [Fact]
    public void A_send_further_ahead_than_allowed_is_refused()
    {
        var conversation = new ModelDriver();

        var refusal = Refused(conversation.Model.Receive(Text() with { SendAt = conversation.Now + TimeSpan.FromDays(31) }, conversation.Now)!.Answer, RefusalReason.InvalidField);

        Assert.Equal("send_at", refusal.Metadata["field"]);
    }

    [Fact]
    public void A_conversation_holds_at_most_the_configured_number_of_scheduled_sends()
    {
        var conversation = new ModelDriver(new ConversationOptions { MaxScheduledSends = 2 });
        conversation.Model.Receive(Text("a") with { SendAt = conversation.Now + Hour }, conversation.Now);
        conversation.Model.Receive(Text("b") with { SendAt = conversation.Now + Hour }, conversation.Now);

        var refusal = Refused(conversation.Model.Receive(Text("c") with { SendAt = conversation.Now + Hour }, conversation.Now)!.Answer, RefusalReason.TooManyScheduledSends);

        Assert.Equal("2", refusal.Metadata["limit"]);
    }

    [Fact]
    public async Task Due_sends_are_decided_in_send_time_order_against_the_window_at_send_time()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Model.Receive(Text("late") with { SendAt = conversation.Now + TimeSpan.FromHours(30) }, conversation.Now);
        conversation.Model.Receive(Text("early") with { SendAt = conversation.Now + TimeSpan.FromHours(25) }, conversation.Now);
        conversation.Advance(TimeSpan.FromHours(31));

        var due = conversation.Model.DueScheduled(conversation.Now);
        Assert.Equal(["early", "late"], due.Select(d => d.Command.IdempotencyKey));
        foreach (var (messageId, command) in due)
        {
            var decided = conversation.Model.DecideScheduled(messageId, await conversation.Decide(command), conversation.Now);
            Assert.Equal(MessageStatus.Failed, Ok(decided.Answer).Status);
            Assert.Equal(RefusalReason.WindowClosed, Ok(decided.Answer).Refusal!.Reason);
            Assert.Null(decided.Dispatch);
        }

        Assert.Equal(ReminderChange.Unregister(ReminderChange.ScheduledSends), conversation.Model.ScheduledSendsReminder());
    }

    [Fact]
    public async Task A_scheduled_send_crossing_the_expiry_goes_out_as_its_fallback_and_the_event_says_how_it_ended()
    {
        var conversation = new ModelDriver();
        conversation.Approve("shipping_update");
        conversation.InboundNow();
        conversation.Model.Receive(Text("k") with { SendAt = conversation.Now + TimeSpan.FromHours(25), FallbackTemplate = Template("shipping_update") }, conversation.Now);
        conversation.Advance(TimeSpan.FromHours(25));
        var (messageId, command) = Assert.Single(conversation.Model.DueScheduled(conversation.Now));

        var decided = conversation.Model.DecideScheduled(messageId, await conversation.Decide(command), conversation.Now);
        var sent = conversation.Model.RecordDispatch(messageId, DispatchResult.AcceptedAs("wamid.s"), charge: null, conversation.Now).Answer.Value!;
        var decidedEvent = conversation.Model.ScheduledSendDecided(sent, conversation.Now);

        Assert.True(Ok(decided.Answer).UsedFallback);
        Assert.Equal(Template("shipping_update"), decided.Dispatch!.Content);
        Assert.Equal(ConversationEventKind.ScheduledSendDecided, decidedEvent.Kind);
        Assert.Equal((messageId, "wamid.s", MessageStatus.Accepted), (decidedEvent.MessageId, decidedEvent.Wamid, decidedEvent.Status));
    }

    [Fact]
    public void A_cancelled_send_is_never_due_and_only_a_scheduled_one_can_be_cancelled()
    {
        var conversation = new ModelDriver();
        conversation.Model.Receive(Text("k") with { SendAt = conversation.Now + Hour }, conversation.Now);

        var cancelled = conversation.Model.CancelScheduled("k", conversation.Now);

        Assert.Equal(MessageStatus.Cancelled, Ok(cancelled.Answer).Status);
        Assert.True(cancelled.Changed);
        Assert.Empty(conversation.Model.DueScheduled(conversation.Now + 2 * Hour));
        Refused(conversation.Model.CancelScheduled("k", conversation.Now).Answer, RefusalReason.NotCancellable);
        Refused(conversation.Model.CancelScheduled("unknown", conversation.Now).Answer, RefusalReason.ScheduledSendNotFound);
        Refused(conversation.Model.CancelScheduled("", conversation.Now).Answer, RefusalReason.MissingField);
    }
}
