using Conversations.Grains.Conversation;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Messages;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConversationEventGrainTests(ClusterFixture fixture)
{
    private IReadOnlyList<PublishedEvent> EventsOf(ConversationDriver conversation) =>
        fixture.Events.Of(conversation.BusinessNumberId, conversation.Customer);

    [Fact]
    public async Task Inbound_messages_open_then_extend_the_window_with_numbered_events()
    {
        var conversation = await Registered(fixture);

        await conversation.InboundNow("wamid.a");
        conversation.Advance(TimeSpan.FromHours(1));
        await conversation.InboundNow("wamid.b");
        await conversation.InboundNow("wamid.b");

        var events = EventsOf(conversation);
        Assert.Equal(
            [ConversationEventKind.InboundMessage, ConversationEventKind.WindowOpened, ConversationEventKind.InboundMessage, ConversationEventKind.WindowExtended],
            events.Select(e => e.Kind));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Sequence));
        Assert.Equal("wamid.b", events[2].MessageId);
        Assert.Equal(conversation.Now + TimeSpan.FromHours(24), events[3].WindowExpiresAt);
    }

    [Fact]
    public async Task Closing_soon_fires_an_hour_before_the_end_and_closed_at_the_end()
    {
        var conversation = await Registered(fixture);
        var opened = await conversation.InboundNow();

        conversation.Advance(TimeSpan.FromHours(23));
        await Eventually.Until(() => Task.FromResult(EventsOf(conversation)), e => e.Any(x => x.Kind == ConversationEventKind.WindowClosingSoon));
        Assert.DoesNotContain(EventsOf(conversation), e => e.Kind == ConversationEventKind.WindowClosed);

        conversation.Advance(TimeSpan.FromHours(1));
        var events = await Eventually.Until(() => Task.FromResult(EventsOf(conversation)), e => e.Any(x => x.Kind == ConversationEventKind.WindowClosed));

        var closingSoon = Assert.Single(events, e => e.Kind == ConversationEventKind.WindowClosingSoon);
        Assert.Equal(opened.WindowExpiresAt, closingSoon.WindowExpiresAt);
        Assert.True(events.Single(e => e.Kind == ConversationEventKind.WindowClosed).Sequence > closingSoon.Sequence);
    }

    [Fact]
    public async Task Delivery_statuses_and_scheduled_decisions_are_events_too()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var receipt = Ok(await conversation.SendText());
        Ok(await conversation.Grain.RecordStatus(new(receipt.Wamid!, MessageStatus.Delivered, conversation.Now, null, null)));
        var scheduled = Ok(await conversation.Send(Text() with { SendAt = conversation.Now + TimeSpan.FromMinutes(5) }));

        conversation.Advance(TimeSpan.FromMinutes(5));
        var events = await Eventually.Until(() => Task.FromResult(EventsOf(conversation)), e => e.Any(x => x.Kind == ConversationEventKind.ScheduledSendDecided));

        var delivered = Assert.Single(events, e => e.Kind == ConversationEventKind.MessageStatusChanged);
        Assert.Equal(MessageStatus.Delivered, delivered.Status);
        Assert.Equal(receipt.MessageId, delivered.MessageId);
        var decided = Assert.Single(events, e => e.Kind == ConversationEventKind.ScheduledSendDecided);
        Assert.Equal(scheduled.MessageId, decided.MessageId);
        Assert.Equal(MessageStatus.Accepted, decided.Status);
    }

    [Fact]
    public async Task A_131047_failed_status_raises_window_closed_with_its_cause_and_the_old_end_raises_no_second_close()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var receipt = Ok(await conversation.SendText());
        conversation.Advance(TimeSpan.FromMinutes(1));
        var failure = new MetaError(131047, "Re-engagement message", "More than 24 hours have passed since the recipient last replied to the sender number.");

        Ok(await conversation.Grain.RecordStatus(new(receipt.Wamid!, MessageStatus.Failed, conversation.Now, failure, null)));

        var closed = Assert.Single(EventsOf(conversation), e => e.Kind == ConversationEventKind.WindowClosed);
        Assert.Equal(conversation.Now, closed.OccurredAt);
        Assert.Equal(conversation.Now, closed.WindowExpiresAt);
        Assert.Equal(receipt.Wamid, closed.Wamid);
        Assert.Equal(RefusalReason.WindowClosed, closed.Refusal!.Reason);
        Assert.Equal("131047", closed.Refusal.Metadata["whatsapp_code"]);
        Assert.Equal(failure.Details, closed.Refusal.Metadata["meta_details"]);
        Assert.True(EventsOf(conversation).Single(e => e.Kind == ConversationEventKind.MessageStatusChanged && e.Status == MessageStatus.Failed).Sequence < closed.Sequence);

        await conversation.AdvanceThroughTick(TimeSpan.FromHours(23), ReminderChange.Expiry);

        Assert.Single(EventsOf(conversation), e => e.Kind == ConversationEventKind.WindowClosed);
        Assert.DoesNotContain(EventsOf(conversation), e => e.Kind == ConversationEventKind.WindowClosingSoon);
        Assert.False(await conversation.ExpiryReminderArmed());
    }

    [Fact]
    public async Task A_131047_answer_to_a_send_raises_window_closed_and_the_customer_writing_opens_it_again()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        fixture.WhatsApp.AnswerFor(conversation.Customer, DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131047, "Re-engagement message", null)));

        var refused = Refused(await conversation.SendText(), RefusalReason.MetaRejected);
        fixture.WhatsApp.Clear(conversation.Customer);
        conversation.Advance(TimeSpan.FromSeconds(1));
        await conversation.InboundNow();

        var closed = Assert.Single(EventsOf(conversation), e => e.Kind == ConversationEventKind.WindowClosed);
        Assert.Equal(RefusalReason.WindowClosed, closed.Refusal!.Reason);
        Assert.Equal("131047", closed.Refusal.Metadata["whatsapp_code"]);
        Assert.Equal(refused.Metadata["whatsapp_code"], closed.Refusal.Metadata["whatsapp_code"]);
        Assert.Equal(
            [ConversationEventKind.InboundMessage, ConversationEventKind.WindowOpened, ConversationEventKind.WindowClosed, ConversationEventKind.InboundMessage, ConversationEventKind.WindowOpened],
            EventsOf(conversation).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_131047_for_a_window_already_closed_raises_nothing()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var receipt = Ok(await conversation.SendText());
        await conversation.AdvanceThroughTick(TimeSpan.FromHours(24), ReminderChange.Expiry);
        var before = EventsOf(conversation).Count(e => e.Kind == ConversationEventKind.WindowClosed);

        Ok(await conversation.Grain.RecordStatus(new(receipt.Wamid!, MessageStatus.Failed, conversation.Now, new MetaError(131047, "Re-engagement message", null), null)));

        Assert.Equal(before, EventsOf(conversation).Count(e => e.Kind == ConversationEventKind.WindowClosed));
    }
}
