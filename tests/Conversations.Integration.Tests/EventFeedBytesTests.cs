using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Conversations.Hosting;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Conversations.Integration.Tests;

/// <summary>A number's Redis stream holds at most RetainedBytes of events, counted as the store counts them, oldest out first.</summary>
[Collection(RedisCollection.Name)]
public sealed class EventFeedBytesTests(RedisFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const long Budget = 256 * 1024;

    private DurableService _service = null!;

    public async Task InitializeAsync() => _service = await DurableService.Start(fixture.Redis);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private IDatabase Redis => fixture.Connection.GetDatabase();

    [Fact]
    public async Task After_many_large_events_the_stream_stays_within_its_bytes_in_Redis_memory_and_keeps_the_newest_whole()
    {
        // Arrange: about 300 events of 8,000 to 12,000 characters (about 3 MB), in batches of 1 to 7.
        var store = Store(new EventHubOptions { RetainedBytes = Budget });
        var number = TestNumbers.BusinessNumberId();
        var appended = new List<PublishedEvent>();

        // Act
        while (appended.Count < 300)
        {
            var batch = Enumerable.Range(appended.Count + 1, 1 + appended.Count % 7).Select(Large).ToList();
            Assert.Equal(appended.Count + batch.Count, await store.Append(number, batch));
            appended.AddRange(batch);
            Assert.InRange((await store.Status(number)).RetainedBytes, 1, Budget);
        }

        var status = await store.Status(number);
        var retained = await store.Read(number, 0, null, 1_000);
        var memory = (long)await Redis.ExecuteAsync("MEMORY", "USAGE", StreamKey(number), "SAMPLES", "0");
        output.WriteLine($"{status.RetainedEvents} events, {status.RetainedBytes} bytes counted, {memory} bytes of Redis memory");

        // Assert: what the store counts is what FeedEntrySize says of the retained events, within the budget and less
        // than one event below it. Redis memory is that plus the allocator's rounding of each node (jemalloc's size
        // classes: under a quarter more) and at most one part-filled 4 KB node. The newest events are retained whole.
        Assert.Equal(Counted(retained.Events), status.RetainedBytes);
        Assert.InRange(status.RetainedBytes, Budget - 12_100, Budget);
        Assert.InRange(memory, status.RetainedBytes, Budget * 5 / 4 + 4_096);
        Assert.Equal(status.RetainedEvents, await Redis.StreamLengthAsync(StreamKey(number)));
        Assert.True(retained.Truncated);
        Assert.Equal(appended.Count, status.LatestPosition);
        Assert.Equal(Enumerable.Range(appended.Count + 1 - status.RetainedEvents, status.RetainedEvents).Select(p => (long)p), retained.Events.Select(e => e.Position));
        Assert.Equal(appended.TakeLast(status.RetainedEvents), retained.Events.Select(e => e.Event));
    }

    [Fact]
    public async Task A_large_event_after_many_small_ones_pushes_out_as_many_as_it_needs_and_the_count_bound_is_exact()
    {
        // Arrange: a thousand small events where a hundred are kept and 20,000 bytes are allowed.
        var store = Store(new EventHubOptions { RetainedEvents = 100, RetainedBytes = 20_000 });
        var number = TestNumbers.BusinessNumberId();
        for (var batch = 0; batch < 10; batch++)
        {
            await store.Append(number, [.. Enumerable.Range(batch * 100 + 1, 100).Select(Small)]);
        }

        var small = await store.Status(number);

        // Act
        await store.Append(number, [Large(1_001)]);
        var afterLarge = await store.Status(number);
        var retained = await store.Read(number, 0, null, 1_000);

        // Assert
        Assert.Equal(100, small.RetainedEvents);
        Assert.Equal(901, small.OldestRetainedPosition);
        Assert.Equal(Counted(retained.Events), afterLarge.RetainedBytes);
        Assert.InRange(afterLarge.RetainedBytes, 1, 20_000);
        Assert.True(afterLarge.RetainedEvents < 100, $"{afterLarge.RetainedEvents} events kept");
        Assert.Equal(1_001, retained.Events[^1].Position);
        Assert.Equal(Large(1_001), retained.Events[^1].Event);
    }

    [Fact]
    public async Task An_event_larger_than_the_whole_budget_is_kept_alone()
    {
        var store = Store(new EventHubOptions { RetainedBytes = 5_000 });
        var number = TestNumbers.BusinessNumberId();
        await store.Append(number, [Small(1), Small(2)]);

        await store.Append(number, [Large(3)]);
        var status = await store.Status(number);

        Assert.Equal((3L, 3L, 1), (status.LatestPosition, status.OldestRetainedPosition, status.RetainedEvents));
        Assert.Equal(Counted([.. (await store.Read(number, 0, null, 10)).Events]), status.RetainedBytes);
    }

    [Fact]
    public async Task A_lowered_bound_is_reached_over_several_appends_each_trimming_a_bounded_number_of_entries()
    {
        // Arrange: 2,500 small events kept, then the bound lowered to 10 (a restart with a smaller setting).
        var number = TestNumbers.BusinessNumberId();
        var before = Store(new EventHubOptions { RetainedEvents = 5_000 });
        for (var batch = 0; batch < 5; batch++)
        {
            await before.Append(number, [.. Enumerable.Range(batch * 500 + 1, 500).Select(Small)]);
        }

        var after = Store(new EventHubOptions { RetainedEvents = 10 });

        // Act
        await after.Append(number, [Small(2_501)]);
        var first = await after.Status(number);
        await after.Append(number, [Small(2_502)]);
        await after.Append(number, [Small(2_503)]);
        var third = await after.Status(number);
        var retained = await after.Read(number, 0, null, 100);

        // Assert
        Assert.Equal(2_501 - RedisEventFeedStore.MaxTrimPerAppend, first.RetainedEvents);
        Assert.Equal(10, third.RetainedEvents);
        Assert.Equal(Counted(retained.Events), third.RetainedBytes);
        Assert.Equal(Enumerable.Range(2_494, 10).Select(p => (long)p), retained.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task Erased_entries_count_only_their_overhead_and_are_trimmed_like_any_other()
    {
        // Arrange: 20 events of two customers, one customer's erased (their entries keep only their append time).
        var number = TestNumbers.BusinessNumberId();
        var store = Store(new EventHubOptions { RetainedEvents = 20 });
        await store.Append(number, [.. Enumerable.Range(1, 20).Select(i => Event(i, $"text {i}") with { Customer = i % 2 == 0 ? "16505550100" : "16505550199" })]);
        await store.Erase(number, "16505550100");
        var erased = await store.Status(number);
        var kept = (await store.Read(number, 0, null, 100)).Events;

        // Act: ten more push the ten oldest out, five of them erased entries.
        await store.Append(number, [.. Enumerable.Range(21, 10).Select(i => Event(i, $"text {i}") with { Customer = "16505550199" })]);
        var status = await store.Status(number);
        var retained = (await store.Read(number, 0, null, 100)).Events;

        // Assert
        Assert.Equal(Counted(kept) + (10 * FeedEntrySize.Overhead), erased.RetainedBytes);
        Assert.Equal((30L, 11L, 20), (status.LatestPosition, status.OldestRetainedPosition, status.RetainedEvents));
        Assert.Equal(Counted(retained) + (5 * FeedEntrySize.Overhead), status.RetainedBytes);
        Assert.All(retained, e => Assert.Equal("16505550199", e.Event.Customer));
    }

    private RedisEventFeedStore Store(EventHubOptions options) =>
        ActivatorUtilities.CreateInstance<RedisEventFeedStore>(_service.Cluster.Silos[0].ServiceProvider, Options.Create(options));

    private string StreamKey(string number) => $"{_service.ServiceId}/events/{number}";

    private long Counted(IEnumerable<PositionedEvent> events) =>
        events.Sum(e => FeedEntrySize.Of(_service.Serializer.SerializeToArray(e.Event).Length, e.Event.Customer));

    private static PublishedEvent Small(int sequence) => Event(sequence, null);

    /// <summary>A customer's long text: 8,000 to 12,000 characters, different for each sequence.</summary>
    private static PublishedEvent Large(int sequence) =>
        Event(sequence, sequence.ToString("D6", CultureInfo.InvariantCulture) + new string((char)('a' + sequence % 26), 8_000 + sequence * 37 % 4_000));

    /// <summary>The store keys by the number it is given; the events' own fields only need to come back as they went in.</summary>
    private static PublishedEvent Event(int sequence, string? text) =>
        new("106540352242922", "16505550100", sequence, ConversationEventKind.InboundMessage, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)) { Text = text };
}
