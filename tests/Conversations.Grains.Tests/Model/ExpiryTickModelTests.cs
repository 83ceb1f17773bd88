using Conversations.Abstractions.Events;
using Conversations.Grains.Conversation;

namespace Conversations.Grains.Tests.Model;

/// <summary>What the expiry reminder's ticks do: announce "closing soon" once, follow the window, record the close once.</summary>
public sealed class ExpiryTickModelTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void An_hour_before_the_end_the_tick_announces_closing_soon_once_and_moves_the_reminder_to_the_end()
    {
        var conversation = new ModelDriver();
        var end = conversation.Now + Day;
        conversation.InboundNow();
        conversation.Advance(Day - Hour);

        var tick = conversation.Model.ExpiryTick(conversation.Now);
        var again = conversation.Model.ExpiryTick(conversation.Now + TimeSpan.FromMinutes(1));

        var closingSoon = Assert.Single(tick.Events);
        Assert.Equal(ConversationEventKind.WindowClosingSoon, closingSoon.Kind);
        Assert.Equal(end, closingSoon.WindowExpiresAt);
        Assert.Equal<ReminderChange>([ReminderChange.Register(ReminderChange.Expiry, end)], tick.Reminders);
        Assert.Empty(again.Events);
        Assert.False(again.Changed);
    }

    [Fact]
    public void A_tick_after_the_customer_wrote_again_follows_the_window_to_its_new_closing_soon()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(10));
        conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(13));

        var tick = conversation.Model.ExpiryTick(conversation.Now);

        Assert.Empty(tick.Events);
        Assert.Equal<ReminderChange>([ReminderChange.Register(ReminderChange.Expiry, conversation.Now + TimeSpan.FromHours(10))], tick.Reminders);
    }

    [Fact]
    public void At_the_end_the_tick_records_the_close_once_and_drops_the_reminder()
    {
        var conversation = new ModelDriver();
        var end = conversation.Now + Day;
        conversation.InboundNow();
        conversation.Advance(Day);

        var closed = conversation.Model.ExpiryTick(conversation.Now);
        var late = conversation.Model.ExpiryTick(conversation.Now + TimeSpan.FromMinutes(1));

        var closedEvent = Assert.Single(closed.Events);
        Assert.Equal(ConversationEventKind.WindowClosed, closedEvent.Kind);
        Assert.Equal(end, closedEvent.WindowExpiresAt);
        Assert.True(closed.Changed);
        Assert.Equal<ReminderChange>([ReminderChange.Unregister(ReminderChange.Expiry)], closed.Reminders);
        Assert.False(conversation.State.ExpiryReminderArmed);
        Assert.Empty(late.Events);
        Assert.False(late.Changed);
        Assert.Equal<ReminderChange>([ReminderChange.Unregister(ReminderChange.Expiry)], late.Reminders);
    }

    [Fact]
    public void The_customer_writing_after_the_close_opens_a_new_window_and_arms_the_reminder_again()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Advance(Day + TimeSpan.FromSeconds(1));
        conversation.Model.ExpiryTick(conversation.Now);

        var reopened = conversation.InboundNow();

        Assert.Contains(reopened.Events, e => e.Kind == ConversationEventKind.WindowOpened);
        Assert.Single(reopened.Reminders);
        Assert.Null(ModelDriver.Ok(reopened.Answer).WindowClosedAt);
    }

    [Fact]
    public void Without_closing_soon_the_reminder_is_armed_for_the_end()
    {
        var conversation = new ModelDriver(new ConversationOptions { ClosingSoonLeadTime = TimeSpan.Zero });

        var opened = conversation.InboundNow();

        Assert.Equal<ReminderChange>([ReminderChange.Register(ReminderChange.Expiry, conversation.Now + Day)], opened.Reminders);
    }

    [Fact]
    public void Activation_requires_the_expiry_reminder_of_an_open_window_and_the_next_scheduled_send()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Model.Receive(ModelDriver.Text("k") with { SendAt = conversation.Now + Hour }, conversation.Now);

        var required = conversation.Model.RequiredReminders(conversation.Now);

        Assert.Equal<ReminderChange>(
            [ReminderChange.Register(ReminderChange.Expiry, conversation.Now + Day), ReminderChange.Register(ReminderChange.ScheduledSends, conversation.Now + Hour)],
            required.Reminders);
        Assert.False(required.Changed);
        Assert.Empty(conversation.Model.RequiredReminders(conversation.Now + TimeSpan.FromDays(2)).Reminders.Where(r => r.Name == ReminderChange.Expiry));
    }

    [Fact]
    public void Activation_arms_the_reminder_of_an_open_window_whose_state_says_it_was_never_armed()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.State.ExpiryReminderArmed = false;

        var required = conversation.Model.RequiredReminders(conversation.Now);

        Assert.True(required.Changed);
        Assert.True(conversation.State.ExpiryReminderArmed);
        Assert.Contains(ReminderChange.Register(ReminderChange.Expiry, conversation.Now + Day), required.Reminders);
    }
}
