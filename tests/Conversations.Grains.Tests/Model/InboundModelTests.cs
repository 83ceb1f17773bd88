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
    public void A_redelivery_6_days_later_changes_nothing_and_one_8_days_later_is_taken_as_new()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow("wamid.redelivered-late");
        conversation.InboundNow("wamid.redelivered-later");

        conversation.Advance(TimeSpan.FromDays(6));
        var sixDaysLater = conversation.InboundNow("wamid.redelivered-late");
        conversation.Advance(TimeSpan.FromDays(2));
        var eightDaysLater = conversation.InboundNow("wamid.redelivered-later");

        Assert.False(sixDaysLater.Changed);
        Assert.Empty(sixDaysLater.Events);
        Assert.True(eightDaysLater.Changed);
        Assert.Equal("wamid.redelivered-later", eightDaysLater.Events[0].MessageId);
    }

    [Fact]
    public void Ids_older_than_the_window_leave_the_state_so_it_holds_only_the_window_at_12_bytes_an_id()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow("wamid.a");
        conversation.InboundNow("wamid.b");
        conversation.Advance(TimeSpan.FromDays(7));

        conversation.InboundNow("wamid.c");

        Assert.Equal(InboundIds.BytesPerId, conversation.State.InboundSeen.Length);
    }

    [Fact]
    public void Past_the_cap_the_oldest_ids_are_forgotten_within_the_window_and_the_outcome_says_how_many()
    {
        var conversation = new ModelDriver(new ConversationOptions { InboundIdsRemembered = 2 });
        conversation.InboundNow("wamid.a");
        conversation.InboundNow("wamid.b");

        var third = conversation.InboundNow("wamid.c");

        Assert.Equal(1, third.InboundIdsForgotten);
        Assert.Equal(2 * InboundIds.BytesPerId, conversation.State.InboundSeen.Length);
        Assert.False(conversation.InboundNow("wamid.c").Changed);
        Assert.False(conversation.InboundNow("wamid.b").Changed);
        Assert.True(conversation.InboundNow("wamid.a").Changed);
    }

    [Fact]
    public void Below_the_cap_nothing_is_forgotten()
    {
        var conversation = new ModelDriver(new ConversationOptions { InboundIdsRemembered = 2 });
        conversation.InboundNow("wamid.a");
        conversation.Advance(TimeSpan.FromDays(8));
        conversation.InboundNow("wamid.b");

        var third = conversation.InboundNow("wamid.c");

        Assert.Equal(0, third.InboundIdsForgotten);
    }

    [Fact]
    public void Ids_stored_before_they_had_a_time_deduplicate_for_a_whole_window_from_the_upgrade_then_leave_the_old_fields()
    {
        var state = new ConversationState
        {
            RecentInboundIds = ["wamid.stored-as-text"],
            RecentInbound = [InboundIds.Of("wamid.stored-as-hash")],
        };
        var conversation = new Grains.Conversation.Conversation(new ConversationKey(BusinessNumberId, "447911123456"), state, new ConversationOptions());
        var upgradedAt = T0;

        var fresh = conversation.RecordInbound(new InboundMessage("wamid.new", upgradedAt, InboundMessageType.Text, "hi"), upgradedAt);
        var sixDaysLater = upgradedAt + TimeSpan.FromDays(6);
        var asText = conversation.RecordInbound(new InboundMessage("wamid.stored-as-text", sixDaysLater, InboundMessageType.Text, "hi"), sixDaysLater);
        var asHash = conversation.RecordInbound(new InboundMessage("wamid.stored-as-hash", sixDaysLater, InboundMessageType.Text, "hi"), sixDaysLater);

        Assert.True(fresh.Changed);
        Assert.False(asText.Changed);
        Assert.False(asHash.Changed);
        Assert.Empty(state.RecentInboundIds);
        Assert.Empty(state.RecentInbound);
        Assert.Equal(3 * InboundIds.BytesPerId, state.InboundSeen.Length);
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
    public void A_text_or_caption_longer_than_allowed_is_refused_as_TEXT_TOO_LONG_naming_the_field_and_stores_nothing()
    {
        var conversation = new ModelDriver(new ConversationOptions { Content = new ContentLimits { MaxInboundTextLength = 8 } });

        var caption = conversation.Model.RecordInbound(new InboundMessage("wamid.long", conversation.Now, InboundMessageType.Image, "123456789"), conversation.Now);
        var atTheLimit = conversation.Model.RecordInbound(new InboundMessage("wamid.fits", conversation.Now, InboundMessageType.Text, "12345678"), conversation.Now);

        var refusal = Refused(caption.Answer, RefusalReason.TextTooLong);
        Assert.Equal(("text", "8", "9"), (refusal.Metadata["field"], refusal.Metadata["limit"], refusal.Metadata["length"]));
        Assert.False(caption.Changed);
        Assert.True(atTheLimit.Changed);
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
