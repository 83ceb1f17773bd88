using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Grains.Events;
using Conversations.Testing;
using Orleans.Runtime;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Events;

[Collection(ClusterCollection.Name)]
public sealed class EventHubGrainTests(ClusterFixture fixture)
{
    private EventFeeds Feeds => FeedRecorder.FeedsOf(fixture.Grains);

    private IConversationEventHubGrain Hub(string businessNumberId) => fixture.Grains.GetGrain<IConversationEventHubGrain>(businessNumberId);

    private IConversationGrain Conversation(string businessNumberId, string customer) =>
        fixture.Grains.GetGrain<IConversationGrain>(new ConversationKey(businessNumberId, customer).ToString());

    private Task Inbound(string businessNumberId, string customer) =>
        Conversation(businessNumberId, customer).RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", fixture.Clock.GetUtcNow(), InboundMessageType.Text, "hi"));

    [Fact]
    public async Task Events_of_one_conversation_reach_a_subscriber_in_sequence_order_without_gaps()
    {
        // Arrange: two customers of one number write at once, thirty messages each.
        var conversation = await Registered(fixture);
        var other = TestNumbers.Customer();
        await using var all = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId);
        await using var one = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId, conversation.Customer);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 30).SelectMany(_ => new[]
        {
            Inbound(conversation.BusinessNumberId, conversation.Customer),
            Inbound(conversation.BusinessNumberId, other),
        }));
        var everything = await all.WaitFor(events => events.Count(e => e.Event.Kind == ConversationEventKind.InboundMessage) == 60);
        var filtered = await one.WaitFor(30, ConversationEventKind.InboundMessage);

        // Assert: per conversation, sequence 1, 2, 3, ... in arrival order; positions only grow.
        foreach (var customer in new[] { conversation.Customer, other })
        {
            var sequences = everything.Where(e => e.Event.Customer == customer).Select(e => e.Event.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        }

        Assert.Equal(everything.Select(e => e.Position).Order(), everything.Select(e => e.Position));
        Assert.Equal(everything.Count, everything.Select(e => e.Position).Distinct().Count());
        Assert.All(filtered, e => Assert.Equal(conversation.Customer, e.Event.Customer));
        Assert.Equal(everything.Where(e => e.Event.Customer == conversation.Customer).Select(e => e.Position), filtered.Select(e => e.Position));
        Assert.DoesNotContain(everything, e => e.EventsMissedBefore);
    }

    [Fact]
    public async Task A_subscriber_resuming_from_its_last_position_gets_exactly_what_it_missed_then_live_events()
    {
        // Arrange: a subscriber sees the window open, then goes away while the customer writes twice more.
        var conversation = await Registered(fixture);
        long lastSeen;
        await using (var before = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId))
        {
            await conversation.InboundNow();
            lastSeen = (await before.WaitFor(1, ConversationEventKind.WindowOpened)).Max(e => e.Position);
        }

        conversation.Advance(TimeSpan.FromMinutes(5));
        await conversation.InboundNow();
        conversation.Advance(TimeSpan.FromMinutes(5));
        await conversation.InboundNow();

        // Act
        await using var resumed = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId, afterPosition: lastSeen);
        // Each inbound is followed by its WindowExtended: wait for that, not the inbound, or the last event may be in flight.
        var missed = await resumed.WaitFor(2, ConversationEventKind.WindowExtended);
        conversation.Advance(TimeSpan.FromMinutes(5));
        await conversation.InboundNow();
        var all = await resumed.WaitFor(3, ConversationEventKind.WindowExtended);

        // Assert: the four missed events (inbound + extended, twice), in order, nothing from before the cursor, then live.
        Assert.Equal(
            [ConversationEventKind.InboundMessage, ConversationEventKind.WindowExtended, ConversationEventKind.InboundMessage, ConversationEventKind.WindowExtended],
            missed.Take(4).Select(e => e.Event.Kind));
        Assert.Equal([3L, 4, 5, 6], missed.Take(4).Select(e => e.Event.Sequence));
        Assert.Equal(lastSeen + 1, missed[0].Position);
        Assert.Equal([7L, 8], all.Skip(4).Select(e => e.Event.Sequence));
        Assert.DoesNotContain(all, e => e.EventsMissedBefore);
    }

    [Fact]
    public async Task From_position_zero_a_subscriber_gets_every_retained_event()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        await using var replay = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId, afterPosition: 0);
        var events = await replay.WaitFor(1, ConversationEventKind.WindowOpened);

        Assert.Equal([1L, 2], events.Select(e => e.Position));
        Assert.False(events[0].EventsMissedBefore);
    }

    [Fact]
    public async Task A_cursor_ahead_of_the_hub_is_refused()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        var feed = await Feeds.Subscribe(conversation.BusinessNumberId, null, afterPosition: 3);

        Assert.False(feed.Succeeded);
        Assert.Equal("after_position", feed.Refusal!.Metadata["field"]);
        Assert.Equal(0, (await Hub(conversation.BusinessNumberId).GetStatus()).Subscribers);
    }

    [Fact]
    public async Task A_hub_that_lost_its_activation_lost_no_event_and_positions_continue()
    {
        // Arrange: two events and a live subscriber, then the hub's activation (and the subscription with it) goes away.
        var conversation = await Registered(fixture);
        await using var live = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId);
        await conversation.InboundNow();
        await live.WaitFor(1, ConversationEventKind.WindowOpened);
        var hub = Hub(conversation.BusinessNumberId);
        await fixture.Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(hub.GetGrainId());
        var restarted = await Eventually.Until(() => hub.GetStatus(), s => s.Subscribers == 0);

        // Act
        conversation.Advance(TimeSpan.FromMinutes(1));
        await conversation.InboundNow();
        await using var resumed = await FeedRecorder.Start(Feeds, conversation.BusinessNumberId, afterPosition: 1);
        var events = await resumed.WaitFor(1, ConversationEventKind.WindowExtended);

        // Assert: the events live in the feed store, not in the hub: the new activation replays them all.
        Assert.Equal(2, restarted.LatestPosition);
        Assert.Equal([2L, 3, 4], events.Select(e => e.Position));
        Assert.Equal([2L, 3, 4], events.Select(e => e.Event.Sequence));
        Assert.DoesNotContain(events, e => e.EventsMissedBefore);
    }

    [Fact]
    public async Task Disposing_a_feed_removes_its_subscription_from_the_hub()
    {
        var conversation = await Registered(fixture);
        var feeds = Feeds;
        var hub = Hub(conversation.BusinessNumberId);

        for (var i = 0; i < 100; i++)
        {
            await using var recorder = await FeedRecorder.Start(feeds, conversation.BusinessNumberId, i % 2 == 0 ? null : conversation.Customer);
            Assert.Equal(1, (await hub.GetStatus()).Subscribers);
        }

        Assert.Equal(0, (await hub.GetStatus()).Subscribers);
        Assert.Equal(0, feeds.Open);
    }
}
