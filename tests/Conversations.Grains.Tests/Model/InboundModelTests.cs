using Conversations.Abstractions.Events;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Conversation;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

public sealed class InboundModelTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void A_first_inbound_opens_the_window_arms_the_reminder_for_closing_soon_and_raises_two_numbered_events()
    {
        var conversation = new ModelDriver();

        var outcome = conversation.Inbound(conversation.Now, "wamid.1");

        var snapshot = Ok(outcome.Answer);
        Assert.True(snapshot.WindowOpen);
        Assert.Equal(conversation.Now + Day, snapshot.WindowExpiresAt);
        Assert.True(outcome.Changed);
        Assert.Equal([ConversationEventKind.InboundMessage, ConversationEventKind.WindowOpened], outcome.Events.Select(e => e.Kind));
        Assert.Equal([1L, 2L], outcome.Events.Select(e => e.Sequence));
        var inbound = outcome.Events[0];
        Assert.Equal("wamid.1", inbound.MessageId);
        Assert.Equal("text", inbound.InboundType);
        Assert.Equal("hello", inbound.Text);
        Assert.Equal(conversation.Now + Day, inbound.WindowExpiresAt);
        var reminder = Assert.Single(outcome.Reminders);
        Assert.Equal(new ReminderChange(ReminderChange.Expiry, conversation.Now + Day - conversation.Options.ClosingSoonLeadTime), reminder);
        Assert.True(conversation.State.ExpiryReminderArmed);
    }

    [Fact]
    public void A_later_inbound_extends_the_window_without_registering_the_reminder_again()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(5));

        var outcome = conversation.InboundNow();

        Assert.Equal(conversation.Now + Day, Ok(outcome.Answer).WindowExpiresAt);
        Assert.Equal([ConversationEventKind.InboundMessage, ConversationEventKind.WindowExtended], outcome.Events.Select(e => e.Kind));
        Assert.Empty(outcome.Reminders);
    }

    [Fact]
    public void A_redelivered_message_id_changes_nothing_and_raises_nothing()
    {
        var conversation = new ModelDriver();
        var first = Ok(conversation.Inbound(conversation.Now - TimeSpan.FromHours(20), "wamid.same").Answer);
        conversation.Advance(TimeSpan.FromHours(1));

        var again = conversation.Inbound(conversation.Now, "wamid.same");

        Assert.False(again.Changed);
        Assert.Empty(again.Events);
        Assert.Equal(first.WindowExpiresAt, Ok(again.Answer).WindowExpiresAt);
    }

    [Fact]
    public void Inbound_ids_are_remembered_as_eight_byte_hashes_and_ids_stored_before_hashes_still_deduplicate()
    {
        var state = new Grains.Conversation.ConversationState { RecentInboundIds = ["wamid.stored-as-text"] };
        var conversation = new Grains.Conversation.Conversation(new ConversationKey(BusinessNumberId, "447911123456"), state, new ConversationOptions());
        var now = T0 + TimeSpan.FromHours(1);

        var redelivered = conversation.RecordInbound(new InboundMessage("wamid.stored-as-text", now, InboundMessageType.Text, "hi"), now);
        var fresh = conversation.RecordInbound(new InboundMessage("wamid.new", now, InboundMessageType.Text, "hi"), now);

        Assert.False(redelivered.Changed);
        Assert.True(fresh.Changed);
        Assert.Empty(state.RecentInboundIds);
        Assert.Equal([Grains.Conversation.InboundIds.Of("wamid.stored-as-text"), Grains.Conversation.InboundIds.Of("wamid.new")], state.RecentInbound);
    }

    [Fact]
    public void Only_the_last_remembered_inbound_ids_are_deduplicated()
    {
        var conversation = new ModelDriver(new ConversationOptions { InboundIdsRemembered = 2 });
        conversation.InboundNow("wamid.a");
        conversation.InboundNow("wamid.b");
        conversation.InboundNow("wamid.c");

        Assert.True(conversation.InboundNow("wamid.a").Changed);
        Assert.False(conversation.InboundNow("wamid.c").Changed);
    }

    [Fact]
    public void An_older_inbound_arriving_late_is_recorded_but_never_shrinks_the_window()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();

        var late = conversation.Inbound(conversation.Now - TimeSpan.FromHours(5));

        Assert.Equal(conversation.Now + Day, Ok(late.Answer).WindowExpiresAt);
        Assert.Equal([ConversationEventKind.InboundMessage], late.Events.Select(e => e.Kind));
    }

    [Fact]
    public void An_inbound_sent_25h_ago_opens_nothing_and_arms_no_reminder()
    {
        var conversation = new ModelDriver();

        var outcome = conversation.Inbound(conversation.Now - TimeSpan.FromHours(25));

        Assert.False(Ok(outcome.Answer).WindowOpen);
        Assert.Empty(outcome.Reminders);
        Assert.False(conversation.State.ExpiryReminderArmed);
    }

    [Fact]
    public void A_reaction_is_recorded_but_opens_the_window_only_when_configured()
    {
        var byDefault = new ModelDriver();
        var configured = new ModelDriver(new ConversationOptions { ReactionsOpenWindow = true });

        var ignored = byDefault.Inbound(byDefault.Now, type: InboundMessageType.Reaction);
        var opened = configured.Inbound(configured.Now, type: InboundMessageType.Reaction);

        Assert.False(Ok(ignored.Answer).WindowOpen);
        Assert.Equal("reaction", Assert.Single(ignored.Events).InboundType);
        Assert.True(Ok(opened.Answer).WindowOpen);
    }

    [Fact]
    public void A_referral_records_its_send_time_clamped_to_now_and_only_a_newer_one_moves_it()
    {
        var conversation = new ModelDriver();

        conversation.Inbound(conversation.Now + TimeSpan.FromHours(1), referral: "ad");
        Assert.Equal(conversation.Now, conversation.State.LastReferralAt);
        conversation.Inbound(conversation.Now - TimeSpan.FromHours(2), referral: "post");

        Assert.Equal(conversation.Now, Ok(conversation.InboundNow().Answer).LastReferralAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_inbound_without_a_message_id_is_refused_and_stores_nothing(string messageId)
    {
        var conversation = new ModelDriver();

        var outcome = conversation.Model.RecordInbound(new InboundMessage(messageId, conversation.Now, InboundMessageType.Text, "hi"), conversation.Now);

        Refused(outcome.Answer, RefusalReason.MissingField);
        Assert.False(outcome.Changed);
        Assert.Null(conversation.State.LastInboundAt);
    }

    [Fact]
    public void A_message_id_longer_than_allowed_is_refused()
    {
        var conversation = new ModelDriver(new ConversationOptions { MaxMessageIdLength = 8 });

        Refused(conversation.Inbound(conversation.Now, "wamid.123").Answer, RefusalReason.FieldTooLong);
    }

    [Fact]
    public void The_snapshot_reports_the_free_form_close_instant_with_the_safety_margin()
    {
        var conversation = new ModelDriver(new ConversationOptions { FreeFormSafetyMargin = TimeSpan.FromHours(1) });
        var sentAt = conversation.Now;
        conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30));

        var snapshot = conversation.Model.Snapshot(conversation.Now);

        Assert.False(snapshot.WindowOpen);
        Assert.Equal(sentAt + Day, snapshot.WindowExpiresAt);
        Assert.Equal(sentAt + TimeSpan.FromHours(23), snapshot.WindowClosedAt);
    }
}
