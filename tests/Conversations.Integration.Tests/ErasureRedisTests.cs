using Conversations.Abstractions.DeadLetters;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Messages;
using Conversations.Grains.Conversation;
using Conversations.Grains.Events;
using Conversations.Hosting;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>
/// The right to erasure against a real redis-server: after erasing one customer's conversation, nothing in Redis (no
/// key, no value of any type, no DUMP) names the customer or one of their messages, while another customer of the same
/// number keeps everything; a scheduled send never goes out, and the customer's next message starts afresh.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ErasureRedisTests(RedisFixture fixture)
{
    [Fact]
    public async Task After_erasure_no_key_value_or_dump_in_Redis_names_the_customer_or_their_messages_and_the_other_customer_keeps_everything()
    {
        // Arrange
        await using var service = await DurableService.Start(fixture.Redis);
        var (number, waba, erased, kept) = await TwoCustomers(service);
        var before = await RedisContents.Read(fixture.Connection);
        Assert.All(erased.Traces, trace => Assert.NotEmpty(before.Find(trace)));

        // Act
        var erasure = Ok(await Conversation(service, erased).Erase());

        // Assert
        Assert.Equal(new CustomerErasure(number, erased.Customer, true, 3, 1, 4, 3, true) { DeadLetters = 1 }, erasure);
        var after = await RedisContents.Read(fixture.Connection);
        Assert.All(erased.Traces, trace => Assert.Empty(after.Find(trace)));
        Assert.All(kept.Traces, trace => Assert.NotEmpty(after.Find(trace)));
        var keptKeys = kept.Key.ToString();
        Assert.NotEmpty(after.Find($"{service.ServiceId}/state/conversation/{keptKeys}/conversation"));
        Assert.NotEmpty(after.Find($"{service.ServiceId}/{RedisMessageLogStore.KeyKind}/{keptKeys}"));
        Assert.NotEmpty(after.Find($"{service.ServiceId}/state/customer-reach/{waba}/{kept.Customer}/customer-reach"));
        Assert.Equal(3, Ok(await Conversation(service, kept).ListMessages(0)).Length);
    }

    [Fact]
    public async Task A_replay_from_the_start_of_the_feed_returns_the_other_customers_events_at_their_positions_and_none_of_the_erased_ones()
    {
        // Arrange
        await using var service = await DurableService.Start(fixture.Redis);
        var (number, _, erased, kept) = await TwoCustomers(service);
        var hub = service.Grains.GetGrain<IConversationEventHubGrain>(number);
        var keptBefore = (await hub.Read(0, kept.Customer, 1000)).Events;
        var status = await hub.GetStatus();

        // Act
        Ok(await Conversation(service, erased).Erase());
        await using var replay = await FeedRecorder.Start(FeedRecorder.FeedsOf(service.Grains), number, afterPosition: 0);
        var replayed = await replay.WaitFor(events => events.Count > 0 && events[^1].Position >= status.LatestPosition);

        // Assert
        Assert.DoesNotContain(replayed, e => e.Event.Customer == erased.Customer);
        Assert.DoesNotContain(replayed, e => e.EventsMissedBefore);
        Assert.Equal(keptBefore, replayed.Where(e => e.Event.Customer == kept.Customer).Select(e => new PositionedEvent(e.Position, e.Event)));
        Assert.Equal(status.LatestPosition, (await hub.GetStatus()).LatestPosition);
        Assert.Equal(status.LatestPosition, await fixture.Connection.GetDatabase().StreamLengthAsync($"{service.ServiceId}/events/{number}"));
    }

    [Fact]
    public async Task An_erased_scheduled_send_never_goes_out_and_the_customers_next_message_starts_a_fresh_conversation()
    {
        // Arrange
        await using var service = await DurableService.Start(fixture.Redis);
        var (number, _, erased, kept) = await TwoCustomers(service);
        Ok(await Conversation(service, erased).Erase());
        var silo = service.Cluster.Silos[0].ServiceProvider;
        var sentBefore = service.WhatsApp.SentTo(erased.Customer).Count();

        // Act: the other customer's send is due at the same instant; once it is decided, the erased one's tick would have run.
        service.Clock.Advance(erased.ScheduledFor - service.Clock.GetUtcNow());
        await Eventually.Until(
            async () => Ok(await Conversation(service, kept).ListMessages(0)),
            log => log.Single(m => m.MessageId == kept.MessageIds[2]).Status != MessageStatus.Scheduled);
        var stranger = Ok(await Conversation(service, erased).Get());
        var fresh = Ok(await Conversation(service, erased).RecordInbound(new InboundMessage($"wamid.{Guid.NewGuid():N}", service.Clock.GetUtcNow(), InboundMessageType.Text, "Hello again")));

        // Assert
        Assert.False(await ReminderRows.Exists(silo, "conversation", erased.Key.ToString(), ReminderChange.ScheduledSends));
        Assert.Equal((2, 2), (sentBefore, service.WhatsApp.SentTo(erased.Customer).Count()));
        Assert.Contains(service.WhatsApp.SentTo(kept.Customer), m => m.MessageId == kept.MessageIds[2]);
        Assert.Equal((false, null, null), (stranger.WindowOpen, stranger.WindowExpiresAt, stranger.LastInboundAt));
        Assert.True(fresh.WindowOpen);
        Assert.Empty(Ok(await Conversation(service, erased).ListMessages(0)));
        var events = (await service.Grains.GetGrain<IConversationEventHubGrain>(number).Read(0, erased.Customer, 1000)).Events;
        Assert.Equal([(1L, ConversationEventKind.InboundMessage), (2L, ConversationEventKind.WindowOpened)], events.Select(e => (e.Event.Sequence, e.Event.Kind)));
        var contents = await RedisContents.Read(fixture.Connection);
        Assert.All(erased.Traces.Where(trace => trace != erased.Customer), trace => Assert.Empty(contents.Find(trace)));
    }

    [Fact]
    public async Task The_store_erases_one_customers_entries_across_chunks_keeping_every_other_entry_and_position()
    {
        // Arrange: 1,200 events of three customers, more than an erasure reads or copies in one round trip.
        await using var service = await DurableService.Start(fixture.Redis);
        var store = Assert.IsType<RedisEventFeedStore>(service.Cluster.Silos[0].ServiceProvider.GetRequiredService<IEventFeedStore>());
        var number = TestNumbers.BusinessNumberId();
        string[] customers = [TestNumbers.Customer(), TestNumbers.Customer(), TestNumbers.Customer()];
        var now = service.Clock.GetUtcNow();
        for (var batch = 0; batch < 12; batch++)
        {
            await store.Append(number, [.. Enumerable.Range(batch * 100 + 1, 100).Select(i => new PublishedEvent(number, customers[i % 3], i, ConversationEventKind.InboundMessage, now) { Text = $"note {customers[i % 3]}" })]);
        }

        // Act
        var erased = await store.Erase(number, customers[0]);
        var again = await store.Erase(number, customers[0]);
        var next = await store.Append(number, [new PublishedEvent(number, customers[1], 1_201, ConversationEventKind.InboundMessage, now)]);

        // Assert
        Assert.Equal((400, 0, 1_201L), (erased, again, next));
        var everything = await store.Read(number, 0, null, 2_000);
        Assert.False(everything.Truncated);
        Assert.Equal(Enumerable.Range(1, 1_201).Where(i => i % 3 != 0).Select(i => (long)i), everything.Events.Select(e => e.Position));
        Assert.Equal(everything.Events.Select(e => e.Position), everything.Events.Select(e => e.Event.Sequence));
        Assert.Empty((await store.Read(number, 0, customers[0], 2_000)).Events);
        var status = await store.Status(number);
        Assert.Equal((1_201L, 1L, 1_201), (status.LatestPosition, status.OldestRetainedPosition, status.RetainedEvents));
        Assert.Equal(await CountedBytes(number), status.RetainedBytes);
        var contents = await RedisContents.Read(fixture.Connection);
        Assert.Empty(contents.Find(customers[0]));
        Assert.NotEmpty(contents.Find($"note {customers[1]}"));
    }

    /// <summary>A registered number with two customers who wrote, were sent to, and have a send scheduled for the same instant (the clock stands still meanwhile).</summary>
    private static async Task<(string Number, string Waba, CustomerActivity Erased, CustomerActivity Kept)> TwoCustomers(DurableService service)
    {
        var (number, waba) = (TestNumbers.BusinessNumberId(), TestNumbers.WabaId());
        Ok(await service.Grains.GetGrain<IBusinessNumberGrain>(number).Register(waba));
        var erased = await CustomerActivity.Create(service.Grains, number, waba, TestNumbers.Customer(), service.Clock, service.WhatsApp);
        var kept = await CustomerActivity.Create(service.Grains, number, waba, TestNumbers.Customer(), service.Clock, service.WhatsApp);
        foreach (var customer in new[] { erased.Customer, kept.Customer })
        {
            // A webhook event of theirs the api could not apply, kept as Meta sent it.
            await service.Grains.GetGrain<IDeadLetterGrain>(number).Record(new DeadLetter(
                "inbound_message", "TEXT_TOO_LONG", "text", $$"""{"from":"{{customer}}","type":"text"}""", service.Clock.GetUtcNow()));
        }

        return (number, waba, erased, kept);
    }

    private static IConversationGrain Conversation(DurableService service, CustomerActivity activity) =>
        service.Grains.GetGrain<IConversationGrain>(activity.Key.ToString());

    /// <summary>
    /// What the number's stream holds against its byte budget, read from the entries themselves: customer, event and
    /// overhead for a whole entry, the overhead alone for an erased one (its append time only).
    /// </summary>
    private async Task<long> CountedBytes(string number)
    {
        var server = fixture.Connection.GetServers()[0];
        var key = server.Keys(pattern: $"*/events/{number}").Single();
        var entries = await fixture.Connection.GetDatabase().StreamRangeAsync(key);
        return entries.Sum(entry => FeedEntrySize.Overhead
            + (entry["c"].HasValue ? ((byte[])entry["c"]!).Length + ((byte[])entry["e"]!).Length : 0L));
    }
}
