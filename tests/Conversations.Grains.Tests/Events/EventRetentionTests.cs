using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Events;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Events;

/// <summary>A hub that retains five events, and whose subscriptions expire on a clock the test moves.</summary>
public sealed class EventRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeTimeProvider _subscriptionClock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.Start(
        _clock,
        settings: new Dictionary<string, string?> { ["Conversations:Events:RetainedEvents"] = "5" },
        configureSilo: silo => silo.Services.AddSingleton(new LivenessClock(_subscriptionClock)));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private EventFeeds Feeds => FeedRecorder.FeedsOf(_cluster.Client);

    [Fact]
    public async Task A_subscriber_further_behind_than_the_retention_gets_what_is_retained_and_is_told_it_missed_the_rest()
    {
        // Arrange: eight events where only five are kept.
        var number = await NumberWithEightEvents();

        // Act
        await using var resumed = await FeedRecorder.Start(Feeds, number, afterPosition: 1);
        var events = await resumed.WaitFor(events => events.Count == 5);

        // Assert
        Assert.Equal([4L, 5, 6, 7, 8], events.Select(e => e.Position));
        Assert.Equal([true, false, false, false, false], events.Select(e => e.EventsMissedBefore));
        Assert.Equal(4, (await Hub(number).GetStatus()).OldestRetainedPosition);
    }

    [Fact]
    public async Task A_subscriber_further_behind_than_one_replay_is_refused_and_resumes_where_it_is_told()
    {
        // Arrange: the same eight events, five retained, and replays of at most four.
        var number = await NumberWithEightEvents();
        var feeds = FeedRecorder.FeedsOf(_cluster.Client, new EventHubOptions { MaxReplayEvents = 4 });

        // Act
        var refused = await feeds.Subscribe(number, null, afterPosition: 1);
        var resumeAfter = long.Parse(refused.Refusal!.Metadata["min_after_position"], System.Globalization.CultureInfo.InvariantCulture);
        await using var resumed = await FeedRecorder.Start(feeds, number, afterPosition: resumeAfter);
        var events = await resumed.WaitFor(events => events.Count == 4);
        var hub = await Hub(number).GetStatus();

        // Assert: the retained five were one too many, and the refused subscription left nothing behind; from position
        // 4 on, every event and nothing missed.
        Assert.Equal(RefusalReason.ReplayTooLarge, refused.Refusal.Reason);
        Assert.Equal("5", refused.Refusal.Metadata["replay_events"]);
        Assert.Equal(4, resumeAfter);
        Assert.Equal([5L, 6, 7, 8], events.Select(e => e.Position));
        Assert.DoesNotContain(events, e => e.EventsMissedBefore);
        Assert.Equal((1, 1), (feeds.Open, hub.Subscribers));
    }

    [Fact]
    public async Task A_subscription_that_is_not_renewed_expires()
    {
        // Arrange: a subscriber that vanished without unsubscribing (its feed never renews: its clock does not move).
        var number = await RegisteredNumber();
        var hub = Hub(number);
        var observer = _cluster.Client.CreateObjectReference<IConversationEventObserver>(new IgnoringObserver());
        await hub.Subscribe(Guid.NewGuid(), observer, null);
        var subscribed = await hub.GetStatus();

        // Act
        _subscriptionClock.Advance(new EventHubOptions().SubscriptionLifetime + TimeSpan.FromSeconds(1));
        var later = await hub.GetStatus();

        // Assert
        Assert.Equal(1, subscribed.Subscribers);
        Assert.Equal(0, later.Subscribers);
        _cluster.Client.DeleteObjectReference<IConversationEventObserver>(observer);
    }

    private IConversationEventHubGrain Hub(string number) => _cluster.Client.GetGrain<IConversationEventHubGrain>(number);

    private async Task<string> RegisteredNumber()
    {
        var number = TestNumbers.BusinessNumberId();
        Assert.True((await _cluster.Client.GetGrain<IBusinessNumberGrain>(number).Register(TestNumbers.WabaId())).Succeeded);
        return number;
    }

    /// <summary>Four inbound messages of one customer a minute apart: the window opened, then extended three times.</summary>
    private async Task<string> NumberWithEightEvents()
    {
        var number = await RegisteredNumber();
        var customer = TestNumbers.Customer();
        for (var i = 0; i < 4; i++)
        {
            await Inbound(number, customer);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        return number;
    }

    private async Task Inbound(string number, string customer)
    {
        var result = await _cluster.Client.GetGrain<IConversationGrain>(new ConversationKey(number, customer).ToString())
            .RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", _clock.GetUtcNow(), InboundMessageType.Text, "hi"));
        Assert.True(result.Succeeded, result.Refusal?.Message);
    }

    private sealed class IgnoringObserver : IConversationEventObserver
    {
        public Task OnEvents(EventRange events) => Task.CompletedTask;
    }
}
