using Conversations.Abstractions.Events;
using Conversations.Abstractions.Refusals;
using Conversations.Grains.Events;
using Conversations.Hosting;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>In Redis mode a number's events are a Redis stream: a subscriber's cursor outlives the silos that served it.</summary>
[Collection(RedisCollection.Name)]
public sealed class EventFeedDurabilityTests(RedisFixture fixture)
{
    private static string DoomedSilo => "Silo_1";

    [Fact]
    public async Task A_cursor_taken_before_a_silo_was_killed_resumes_with_every_acknowledged_inbound_message_once_in_order()
    {
        // Arrange: a number whose hub (and its live subscriptions) lives on the silo that will die, five customers.
        await using var service = await DurableService.Start(fixture.Redis, silos: 2);
        var number = await NumberWithItsHubOn(service, DoomedSilo);
        var conversations = Enumerable.Range(0, 5).Select(_ => new DurableConversation(service, number, TestNumbers.Customer())).ToList();
        var feeds = FeedRecorder.FeedsOf(service.Grains);
        var acknowledged = new List<string>();

        // A subscriber sees ten inbound messages and keeps the position of the fifth as its cursor, then goes away.
        long cursor;
        await using (var subscriber = await FeedRecorder.Start(feeds, number))
        {
            await InboundFromEach(conversations, 2, acknowledged);
            var seen = await subscriber.WaitFor(10, ConversationEventKind.InboundMessage);
            Assert.Equal(acknowledged, InboundIds(seen));
            cursor = seen.Where(e => e.Event.Kind == ConversationEventKind.InboundMessage).ElementAt(4).Position;
        }

        // Act: more messages, the hard kill of the hub's silo, more messages on the survivor.
        await InboundFromEach(conversations, 2, acknowledged);
        await service.Cluster.KillSiloAsync(service.Cluster.Silos.Single(s => s.Name == DoomedSilo));
        await service.Cluster.WaitForLivenessToStabilizeAsync(didKill: true);
        await InboundFromEach(conversations, 2, acknowledged);
        var afterKill = await Resume(service, number, cursor);

        // ... and once more after every silo is gone and a new cluster reads the same Redis.
        await service.Restart();
        var afterRestart = await Resume(service, number, cursor);

        // Assert: each time, every position after the cursor once, and every acknowledged message from the sixth on, in order.
        foreach (var resumed in new[] { afterKill, afterRestart })
        {
            Assert.Equal(acknowledged.Skip(5), InboundIds(resumed));
            Assert.Equal(Enumerable.Range(1, resumed.Count).Select(i => cursor + i), resumed.Select(e => e.Position));
            Assert.DoesNotContain(resumed, e => e.EventsMissedBefore);
        }

        var latest = afterRestart[^1].Position;
        Assert.Equal(latest, await fixture.Connection.GetDatabase().StreamLengthAsync($"{service.ServiceId}/events/{number}"));
        var ahead = await FeedRecorder.FeedsOf(service.Grains).Subscribe(number, null, latest + 1);
        Assert.Equal(latest.ToString(System.Globalization.CultureInfo.InvariantCulture), Refused(ahead, RefusalReason.InvalidField).Metadata["latest_position"]);
    }

    [Fact]
    public async Task The_stream_keeps_its_cap_and_drops_what_outlived_the_retention_and_a_cursor_behind_them_is_told()
    {
        // Arrange: a cap of 100 events per number; a thousand events of two customers, in batches of a hundred.
        await using var service = await DurableService.Start(
            fixture.Redis,
            configureSilo: (_, silo) => silo.Services.PostConfigure<EventHubOptions>(o => o.RetainedEvents = 100));
        var store = Assert.IsType<RedisEventFeedStore>(service.Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventFeedStore>());
        var number = TestNumbers.BusinessNumberId();
        var (even, odd) = (TestNumbers.Customer(), "16501990000");
        for (var batch = 0; batch < 10; batch++)
        {
            var events = Enumerable.Range(batch * 100 + 1, 100).Select(i => new PublishedEvent(number, i % 2 == 0 ? even : odd, i, ConversationEventKind.InboundMessage, service.Clock.GetUtcNow())).ToList();
            Assert.Equal(batch * 100 + 100, await store.Append(number, events));
        }

        // Act
        var capped = await store.Status(number);
        var fromTheStart = await store.Read(number, 0, null, 500);
        var evenOnly = await store.Read(number, 980, even, 5);
        service.Clock.Advance(new EventHubOptions().Retention + TimeSpan.FromMinutes(1));
        await store.Append(number, [new PublishedEvent(number, even, 1_001, ConversationEventKind.InboundMessage, service.Clock.GetUtcNow())]);
        var expired = await store.Read(number, 999, null, 500);

        // Assert: the newest hundred are kept, numbered on from where the trimmed ones ended.
        Assert.Equal(100, capped.RetainedEvents);
        Assert.Equal(1_000, capped.LatestPosition);
        Assert.Equal(1_001 - capped.RetainedEvents, capped.OldestRetainedPosition);
        Assert.True(fromTheStart.Truncated);
        Assert.Equal(Enumerable.Range((int)capped.OldestRetainedPosition, capped.RetainedEvents).Select(i => (long)i), fromTheStart.Events.Select(e => e.Position));
        Assert.Equal(fromTheStart.Events.Select(e => e.Position), fromTheStart.Events.Select(e => e.Event.Sequence));
        Assert.Equal([982L, 984, 986, 988, 990], evenOnly.Events.Select(e => e.Position));
        Assert.Equal(990, evenOnly.Through);
        Assert.False(evenOnly.Truncated);
        Assert.Equal([1_001L], expired.Events.Select(e => e.Position));
        Assert.True(expired.Truncated);
        var last = await store.Status(number);
        Assert.Equal((1_001L, 1_001L, 1), (last.LatestPosition, last.OldestRetainedPosition, last.RetainedEvents));
    }

    private static async Task InboundFromEach(IReadOnlyList<DurableConversation> conversations, int rounds, List<string> acknowledged)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var conversation in conversations)
            {
                var messageId = $"wamid.{Guid.NewGuid():N}";
                Ok(await conversation.Inbound(messageId));
                acknowledged.Add(messageId);
            }
        }
    }

    /// <summary>Subscribes from the cursor and reads until the feed's latest position.</summary>
    private static async Task<IReadOnlyList<FeedEvent>> Resume(DurableService service, string number, long cursor)
    {
        var latest = (await service.Grains.GetGrain<IConversationEventHubGrain>(number).GetStatus()).LatestPosition;
        await using var resumed = await FeedRecorder.Start(FeedRecorder.FeedsOf(service.Grains), number, afterPosition: cursor);
        return await resumed.WaitFor(events => events.Count > 0 && events[^1].Position >= latest);
    }

    private static IEnumerable<string?> InboundIds(IEnumerable<FeedEvent> events) =>
        events.Where(e => e.Event.Kind == ConversationEventKind.InboundMessage).Select(e => e.Event.MessageId);

    /// <summary>Placement is the cluster's choice: registers numbers until one's hub is activated on the wanted silo.</summary>
    private static async Task<string> NumberWithItsHubOn(DurableService service, string siloName)
    {
        var silo = service.Cluster.Silos.Single(s => s.Name == siloName).SiloAddress;
        var management = service.Grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var number = (await service.NewConversation()).Key.BusinessNumberId;
            var hub = service.Grains.GetGrain<IConversationEventHubGrain>(number);
            await hub.GetStatus();
            if (await management.GetActivationAddress(hub) == silo)
            {
                return number;
            }
        }

        throw new InvalidOperationException($"No hub was placed on {siloName} in 50 attempts.");
    }
}
