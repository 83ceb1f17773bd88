using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

[Collection(ApiCollection.Name)]
public sealed class SubscribeTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    private IConversationEventHubGrain Hub(string businessNumberId) =>
        api.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationEventHubGrain>(businessNumberId);

    [Fact]
    public async Task Inbound_messages_reach_a_subscriber_with_their_text_and_the_window()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);

        // Act
        var opened = await _scenario.RecordInbound(number.BusinessNumberId, "+" + customer, _scenario.Now);
        var events = await subscription.WaitFor(V1.ConversationEventKind.WindowOpened);

        // Assert
        Assert.Equal([V1.ConversationEventKind.InboundMessage, V1.ConversationEventKind.WindowOpened], events.Select(e => e.Kind));
        Assert.Equal([1UL, 2], events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal(customer, e.Customer));
        Assert.Equal("hello", events[0].Text);
        Assert.Equal("text", events[0].InboundType);
        Assert.StartsWith("wamid.", events[0].MessageId);
        Assert.Equal(opened.WindowExpiresAt, events[1].WindowExpiresAt);
        Assert.Equal(events[0].Position + 1, events[1].Position);
    }

    [Fact]
    public async Task Closing_soon_and_closed_reach_a_subscriber_on_the_fake_clock()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId, customer);
        var expiresAt = (await _scenario.Get(number.BusinessNumberId, customer)).WindowExpiresAt.ToDateTimeOffset();

        // Act: to an hour before the end, then past it.
        api.Clock.Advance(expiresAt - TimeSpan.FromHours(1) - _scenario.Now + TimeSpan.FromSeconds(1));
        var closingSoon = Assert.Single(await subscription.WaitFor(V1.ConversationEventKind.WindowClosingSoon));
        // The event is out before the tick re-arms the reminder; a call queues behind that tick, so the clock moves after it.
        await _scenario.Get(number.BusinessNumberId, customer);
        api.Clock.Advance(TimeSpan.FromHours(1));
        var events = await subscription.WaitFor(V1.ConversationEventKind.WindowClosed);

        // Assert
        Assert.Equal(Timestamp.FromDateTimeOffset(expiresAt), closingSoon.WindowExpiresAt);
        Assert.Equal(
            [V1.ConversationEventKind.WindowClosingSoon, V1.ConversationEventKind.WindowClosed],
            events.Select(e => e.Kind));
        Assert.Equal(closingSoon.Sequence + 1, events[1].Sequence);
        Assert.True(events[1].OccurredAt.ToDateTimeOffset() >= expiresAt);
    }

    [Fact]
    public async Task A_subscriber_reconnecting_with_its_last_position_receives_what_it_missed()
    {
        // Arrange: a bot sees one customer's first message, then restarts while two more customers write.
        var number = await _scenario.RegisterNumber();
        var (first, second, third) = (TestNumbers.Customer(), TestNumbers.Customer(), TestNumbers.Customer());
        ulong lastPosition;
        await using (var before = await EventSubscription.Start(api, number.BusinessNumberId))
        {
            await _scenario.RecordInbound(number.BusinessNumberId, first, _scenario.Now);
            lastPosition = (await before.WaitFor(V1.ConversationEventKind.WindowOpened)).Max(e => e.Position);
        }

        await _scenario.RecordInbound(number.BusinessNumberId, second, _scenario.Now);
        await _scenario.RecordInbound(number.BusinessNumberId, third, _scenario.Now);

        // Act
        await using var after = await EventSubscription.Start(api, number.BusinessNumberId, afterPosition: lastPosition);
        // Each new customer's inbound is followed by WindowOpened: wait for that, or the fourth event may be in flight.
        var missed = await after.WaitFor(V1.ConversationEventKind.WindowOpened, 2);
        await _scenario.RecordInbound(number.BusinessNumberId, first, _scenario.Now);
        var all = await after.WaitFor(V1.ConversationEventKind.InboundMessage, 3);

        // Assert: exactly the missed events, in order, then the live one.
        Assert.Equal([second, second, third, third], missed.Take(4).Select(e => e.Customer));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => lastPosition + (ulong)i), all.Take(5).Select(e => e.Position));
        Assert.Equal(first, all[4].Customer);
        Assert.DoesNotContain(all, e => e.EventsMissedBefore);
    }

    [Fact]
    public async Task A_thousand_subscribe_and_cancel_cycles_leave_no_subscription_behind()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var feeds = api.Services.GetRequiredService<EventFeeds>();
        var openBefore = feeds.Open;

        // Act
        for (var i = 0; i < 1_000; i++)
        {
            using var call = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = number.BusinessNumberId, Customer = i % 2 == 0 ? "" : TestNumbers.Customer() });
            await call.ResponseHeadersAsync;
        }

        // Assert: every server-side feed unsubscribed from the hub and closed.
        var status = await Eventually.Until(() => Hub(number.BusinessNumberId).GetStatus(), s => s.Subscribers == 0);
        await Eventually.Until(() => Task.FromResult(feeds.Open), open => open == openBefore);
        Assert.Equal(0, status.Subscribers);
    }

    [Fact]
    public async Task Subscribing_to_an_unregistered_number_is_refused_with_not_found()
    {
        using var call = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = TestNumbers.BusinessNumberId() });

        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () => call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task A_cursor_ahead_of_the_latest_position_is_refused()
    {
        var (number, _) = await _scenario.OpenConversation();
        using var call = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = number.BusinessNumberId, AfterPosition = 1_000 });

        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", () => call.ResponseStream.MoveNext());

        Assert.Equal("after_position", info.Metadata["field"]);
        Assert.Equal("2", info.Metadata["latest_position"]);
    }

    [Fact]
    public async Task A_cursor_beyond_any_position_the_service_hands_out_is_refused()
    {
        var (number, _) = await _scenario.OpenConversation();
        using var call = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = number.BusinessNumberId, AfterPosition = ulong.MaxValue });

        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", () => call.ResponseStream.MoveNext());

        Assert.Equal("after_position", info.Metadata["field"]);
    }

    [Fact]
    public async Task An_invalid_customer_filter_is_refused()
    {
        var number = await _scenario.RegisterNumber();
        using var call = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = number.BusinessNumberId, Customer = "12ab" });

        await Refused.With(StatusCode.InvalidArgument, "INVALID_CUSTOMER", () => call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task The_latest_position_header_tells_where_a_live_subscription_starts()
    {
        var (number, _) = await _scenario.OpenConversation();

        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId);

        Assert.Equal(2, subscription.LatestPositionAtStart);
    }
}
