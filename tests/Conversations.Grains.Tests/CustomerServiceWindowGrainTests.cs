using Conversations.Abstractions;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Conversation;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerServiceWindowGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public async Task Free_form_is_accepted_inside_the_window_and_refused_with_131047_after_24h_while_templates_still_go()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("order_update", "Your order {{1}} has shipped");
        var opened = await conversation.InboundNow();

        var inside = Ok(await conversation.SendText());
        Assert.Equal(MessageKind.FreeForm, inside.Kind);

        conversation.Advance(Day);

        var refusal = Refused(await conversation.SendText(), RefusalReason.WindowClosed);
        Assert.Equal(Rfc3339.Format(opened.WindowExpiresAt!.Value), refusal.Metadata["window_closed_at"]);
        var template = Ok(await conversation.SendTemplate("order_update", parameters: "12345"));
        Assert.Equal(MessageKind.Template, template.Kind);
    }

    [Fact]
    public async Task Window_is_open_at_23h59m59s_and_closed_at_exactly_24h()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        conversation.Advance(Day - TimeSpan.FromSeconds(1));
        Assert.True((await conversation.Get()).WindowOpen);
        Ok(await conversation.SendText());

        conversation.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await conversation.Get()).WindowOpen);
        Refused(await conversation.SendText(), RefusalReason.WindowClosed);
    }

    [Fact]
    public async Task A_customer_who_never_wrote_can_only_get_templates()
    {
        var conversation = await Registered(fixture);

        var refusal = Refused(await conversation.SendText(), RefusalReason.WindowClosed);

        Assert.False(refusal.Metadata.ContainsKey("window_closed_at"));
        var snapshot = await conversation.Get();
        Assert.False(snapshot.WindowOpen);
        Assert.Null(snapshot.WindowExpiresAt);
    }

    [Fact]
    public async Task An_inbound_sent_25h_ago_does_not_open_the_window()
    {
        var conversation = await Registered(fixture);

        var snapshot = Ok(await conversation.Inbound(conversation.Now - TimeSpan.FromHours(25)));

        Assert.False(snapshot.WindowOpen);
        Assert.False(await conversation.ExpiryReminderArmed());
        Refused(await conversation.SendText(), RefusalReason.WindowClosed);
    }

    [Fact]
    public async Task An_older_inbound_arriving_late_never_shrinks_the_window()
    {
        var conversation = await Registered(fixture);
        var latest = await conversation.InboundNow();

        var afterLate = Ok(await conversation.Inbound(conversation.Now - TimeSpan.FromHours(5)));

        Assert.Equal(latest.WindowExpiresAt, afterLate.WindowExpiresAt);
        Assert.Equal(conversation.Now + Day, afterLate.WindowExpiresAt);
    }

    [Fact]
    public async Task A_timestamp_in_the_future_is_clamped_to_now()
    {
        var conversation = await Registered(fixture);

        var snapshot = Ok(await conversation.Inbound(conversation.Now + TimeSpan.FromHours(3)));

        Assert.Equal(conversation.Now, snapshot.LastInboundAt);
        Assert.Equal(conversation.Now + Day, snapshot.WindowExpiresAt);
    }

    [Fact]
    public async Task A_redelivered_message_id_changes_nothing()
    {
        var conversation = await Registered(fixture);
        var first = Ok(await conversation.Inbound(conversation.Now - TimeSpan.FromHours(20), "wamid.same"));

        conversation.Advance(TimeSpan.FromHours(1));
        var redelivered = Ok(await conversation.Inbound(conversation.Now, "wamid.same"));

        Assert.Equal(first.WindowExpiresAt, redelivered.WindowExpiresAt);
        Assert.Equal(first.LastInboundAt, redelivered.LastInboundAt);
    }

    [Fact]
    public async Task A_reaction_does_not_open_the_window_by_default()
    {
        var conversation = await Registered(fixture);

        var snapshot = Ok(await conversation.Inbound(conversation.Now, type: InboundMessageType.Reaction));

        Assert.False(snapshot.WindowOpen);
        Refused(await conversation.SendText(), RefusalReason.WindowClosed);
    }

    [Fact]
    public async Task The_expiry_reminder_fires_and_persists_the_closed_state()
    {
        var conversation = await Registered(fixture);
        var opened = await conversation.InboundNow();
        Assert.True(await conversation.ExpiryReminderArmed());

        conversation.Advance(Day + TimeSpan.FromSeconds(1));
        await Eventually.Until(conversation.ExpiryReminderArmed, armed => !armed);
        await conversation.Deactivate();

        var reloaded = await conversation.Get();
        Assert.False(reloaded.WindowOpen);
        Assert.False(await conversation.ExpiryReminderArmed());
        Assert.Equal(opened.WindowExpiresAt, reloaded.WindowClosedAt);
    }

    [Fact]
    public async Task A_window_extended_before_expiry_is_followed_by_the_reminder_to_its_new_end()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(10));
        var extended = await conversation.InboundNow();

        await conversation.AdvanceThroughTick(TimeSpan.FromHours(14) + TimeSpan.FromSeconds(1), ReminderChange.Expiry);
        var stillOpen = await conversation.Get();
        Assert.True(stillOpen.WindowOpen);
        Assert.True(await conversation.ExpiryReminderArmed());
        Ok(await conversation.SendText());

        conversation.Advance(TimeSpan.FromHours(10));
        await Eventually.Until(conversation.ExpiryReminderArmed, armed => !armed);
        var closed = await conversation.Get();
        Assert.Equal(extended.WindowExpiresAt, closed.WindowClosedAt);
    }

    [Fact]
    public async Task The_customer_writing_again_reopens_a_closed_window()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        conversation.Advance(Day + TimeSpan.FromSeconds(1));
        await Eventually.Until(conversation.ExpiryReminderArmed, armed => !armed);

        var reopened = await conversation.InboundNow();

        Assert.True(reopened.WindowOpen);
        Assert.Null(reopened.WindowClosedAt);
        Assert.True(await conversation.ExpiryReminderArmed());
        Ok(await conversation.SendText());
    }
}
