using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Grains.Conversation;
using Conversations.Testing;
using Orleans.Runtime;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

/// <summary>
/// Erasing one customer's conversation (right to erasure) on an embedded cluster: state, log, reminders, events,
/// usage markers and messaging-limit reach go, another customer of the same number keeps everything, nothing scheduled
/// is ever sent, and the customer's next message starts a fresh conversation.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasureGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Erasure_removes_the_conversation_everywhere_and_leaves_another_customer_of_the_number_alone()
    {
        // Arrange
        var (number, erased, kept) = await TwoCustomers();
        var hub = fixture.Grains.GetGrain<IConversationEventHubGrain>(number.BusinessNumberId);
        var erasedEvents = (await hub.Read(0, erased.Customer, 1000)).Events;
        var keptBefore = await hub.Read(0, kept.Customer, 1000);

        // Act
        var erasure = Ok(await Conversation(erased).Erase());

        // Assert
        Assert.Equal(new CustomerErasure(number.BusinessNumberId, erased.Customer, true, 3, 1, erasedEvents.Length, 3, true), erasure);
        Assert.Equal(4, erasedEvents.Length);
        Assert.Empty((await hub.Read(0, erased.Customer, 1000)).Events);
        var everything = await hub.Read(0, null, 1000);
        Assert.False(everything.Truncated);
        Assert.DoesNotContain(everything.Events, e => e.Event.Customer == erased.Customer);
        Assert.Equal(keptBefore.Events, everything.Events.Where(e => e.Event.Customer == kept.Customer));
        Assert.Empty(Ok(await Conversation(erased).ListMessages(0)));
        Assert.False(await ReminderRows.Exists(fixture.Cluster.Silos[0].ServiceProvider, "conversation", erased.Key.ToString(), ReminderChange.Expiry));
        Assert.False(await ReminderRows.Exists(fixture.Cluster.Silos[0].ServiceProvider, "conversation", erased.Key.ToString(), ReminderChange.ScheduledSends));
        Assert.Equal(3, Ok(await Conversation(kept).ListMessages(0)).Length);
        Assert.True(await ReminderRows.Exists(fixture.Cluster.Silos[0].ServiceProvider, "conversation", kept.Key.ToString(), ReminderChange.ScheduledSends));
        Assert.True((await Conversation(kept).Get()).Value!.WindowOpen);
    }

    [Fact]
    public async Task A_second_erasure_finds_nothing_left_and_the_portfolio_still_counts_the_customers_slot()
    {
        // Arrange
        var (number, erased, _) = await TwoCustomers();
        var limit = fixture.Grains.GetGrain<IMessagingLimitGrain>(number.WabaId);
        Ok(await Conversation(erased).Erase());

        // Act
        var again = Ok(await Conversation(erased).Erase());

        // Assert
        Assert.Equal(new CustomerErasure(number.BusinessNumberId, erased.Customer, false, 0, 0, 0, 0, false), again);
        Assert.Equal(2, (await limit.Status()).Used);
    }

    [Fact]
    public async Task Erasing_a_conversation_that_never_existed_succeeds_with_nothing_erased()
    {
        // Arrange
        var number = await Registered(fixture);

        // Act
        var erasure = Ok(await number.Grain.Erase());

        // Assert
        Assert.Equal(new CustomerErasure(number.BusinessNumberId, number.Customer, false, 0, 0, 0, 0, false), erasure);
    }

    [Fact]
    public async Task An_erased_scheduled_send_is_never_sent_when_its_time_comes()
    {
        // Arrange
        var (_, erased, kept) = await TwoCustomers();
        Ok(await Conversation(erased).Erase());
        var sentBefore = fixture.WhatsApp.SentTo(erased.Customer).Count();

        // Act: the kept customer's send is due at the same instant; once its tick has run, the erased one's would have.
        var keptDecided = fixture.ReminderTicks.Next(Conversation(kept).GetGrainId(), ReminderChange.ScheduledSends);
        fixture.Clock.Advance(erased.ScheduledFor - fixture.Clock.GetUtcNow());
        await keptDecided.WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Contains(fixture.WhatsApp.SentTo(kept.Customer), m => m.MessageId == kept.MessageIds[2]);
        Assert.Equal(2, sentBefore);
        Assert.Equal(sentBefore, fixture.WhatsApp.SentTo(erased.Customer).Count());
        Assert.DoesNotContain(fixture.WhatsApp.SentTo(erased.Customer), m => m.MessageId == erased.MessageIds[2]);
        Assert.Empty(Ok(await Conversation(erased).ListMessages(0)));
    }

    [Fact]
    public async Task After_erasure_the_customer_is_a_stranger_whose_next_message_starts_a_fresh_conversation()
    {
        // Arrange
        var (number, erased, _) = await TwoCustomers();
        Ok(await Conversation(erased).Erase());
        await number.Deactivate();

        // Act
        var stranger = Ok(await Conversation(erased).Get());
        var redelivered = Ok(await Conversation(erased).RecordInbound(new InboundMessage(erased.InboundWamid, fixture.Clock.GetUtcNow(), InboundMessageType.Text, "Hello again")));
        var retried = Ok(await Conversation(erased).Send(new SendCommand(erased.IdempotencyKeys[1], new TextMessage("We will call you at five."))));

        // Assert
        Assert.Equal((false, null, null, null), (stranger.WindowOpen, stranger.WindowExpiresAt, stranger.LastInboundAt, stranger.WindowClosedAt));
        Assert.True(redelivered.WindowOpen);
        Assert.False(retried.Replayed);
        Assert.NotEqual(erased.MessageIds[1], retried.MessageId);
        var events = (await fixture.Grains.GetGrain<IConversationEventHubGrain>(number.BusinessNumberId).Read(0, erased.Customer, 1000)).Events;
        Assert.Equal([(1L, ConversationEventKind.InboundMessage), (2L, ConversationEventKind.WindowOpened)], events.Select(e => (e.Event.Sequence, e.Event.Kind)));
    }

    [Fact]
    public async Task A_send_in_flight_to_Meta_finishes_first_and_is_erased_with_the_rest()
    {
        // Arrange
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var held = fixture.WhatsApp.HoldNext(conversation.Customer);
        var sending = conversation.SendText("One moment, please.");
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Act
        var erasing = conversation.Grain.Erase();
        held.Released.SetResult();
        var sent = Ok(await sending);
        var erasure = Ok(await erasing);

        // Assert
        Assert.NotNull(sent.Wamid);
        Assert.Equal((1, 1), (erasure.Messages, erasure.UsageMarkers));
        Assert.Empty(await conversation.Messages());
    }

    [Fact]
    public async Task Erasure_within_a_minute_of_a_move_erases_the_customers_reach_in_the_portfolio_left_and_the_one_joined()
    {
        // Arrange: this number reached the customer in its first portfolio, another number reached them in the second.
        var (number, erased, _) = await TwoCustomers();
        var joined = await Registered(fixture);
        await CustomerActivity.Create(fixture.Grains, joined.BusinessNumberId, joined.WabaId, erased.Customer, fixture.Clock, fixture.WhatsApp);
        Ok(await fixture.Grains.GetGrain<IBusinessNumberGrain>(number.BusinessNumberId).Move(joined.WabaId, null));

        // Act
        var erasure = Ok(await Conversation(erased).Erase());

        // Assert
        Assert.True(erasure.MessagingLimitReach);
        Assert.False(await Reach(number.WabaId, erased.Customer).Forget());
        Assert.False(await Reach(joined.WabaId, erased.Customer).Forget());
    }

    [Fact]
    public async Task The_erased_conversation_is_deactivated()
    {
        // Arrange
        var (_, erased, _) = await TwoCustomers();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var grainId = Conversation(erased).GetGrainId();
        Assert.Contains(grainId, await management.GetActiveGrains(GrainType.Create("conversation")));

        // Act
        Ok(await Conversation(erased).Erase());

        // Assert
        await Eventually.Until(() => management.GetActiveGrains(GrainType.Create("conversation")).AsTask(), active => !active.Contains(grainId));
    }

    /// <summary>A number with two customers who both wrote and were sent to, with a send scheduled for the same instant (the clock stands still meanwhile).</summary>
    private async Task<(ConversationDriver Number, CustomerActivity Erased, CustomerActivity Kept)> TwoCustomers()
    {
        var number = await Registered(fixture);
        var erased = await CustomerActivity.Create(fixture.Grains, number.BusinessNumberId, number.WabaId, number.Customer, fixture.Clock, fixture.WhatsApp);
        var kept = await CustomerActivity.Create(fixture.Grains, number.BusinessNumberId, number.WabaId, TestNumbers.Customer(), fixture.Clock, fixture.WhatsApp);
        return (number, erased, kept);
    }

    private ICustomerReachGrain Reach(string portfolio, string customer) =>
        fixture.Grains.GetGrain<ICustomerReachGrain>(new CustomerReachKey(portfolio, customer).ToString());

    private IConversationGrain Conversation(CustomerActivity activity) => fixture.Grains.GetGrain<IConversationGrain>(activity.Key.ToString());
}
