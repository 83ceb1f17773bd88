using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Events;

/// <summary>A silo's appender over a feed store whose first write waits for the test, so publishes pile up behind it.</summary>
public sealed class EventFeedAppenderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private HeldFeedStore _store = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.Start(
        _clock,
        configureSilo: silo => silo.Services.AddSingleton<IEventFeedStore>(sp => _store = new HeldFeedStore(ActivatorUtilities.CreateInstance<InMemoryEventFeedStore>(sp))));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private EventFeedAppender Appender =>
        _cluster.Silos[0].ServiceProvider.GetServices<IConversationEventSink>().OfType<EventFeedAppender>().Single();

    private PublishedEvent Event(string number, string customer, long sequence) =>
        new(number, customer, sequence, ConversationEventKind.InboundMessage, _clock.GetUtcNow());

    [Fact]
    public async Task Events_published_while_a_write_is_under_way_go_in_one_write_and_each_conversation_keeps_its_order()
    {
        // Arrange: a live subscriber, and the number's first write under way and held.
        var number = TestNumbers.BusinessNumberId();
        await using var subscriber = await FeedRecorder.Start(FeedRecorder.FeedsOf(_cluster.Client), number);
        // Outside TestNumbers' range, so no other conversation of this test is this one.
        var first = Appender.Publish(Event(number, "16501990000", 1));
        await _store.Gate.FirstHeld.Task;

        // Act: a hundred conversations publish their first event at once, then their second once the first is stored.
        var customers = Enumerable.Range(0, 100).Select(_ => TestNumbers.Customer()).Distinct().ToList();
        var conversations = customers
            .Select(customer => (Customer: customer, First: Appender.Publish(Event(number, customer, 1))))
            .Select(async published =>
            {
                await published.First;
                await Appender.Publish(Event(number, published.Customer, 2));
            })
            .ToList();
        _store.Gate.Release();
        await Task.WhenAll([first, .. conversations]);
        var events = await subscriber.WaitFor(events => events.Count == 1 + 2 * customers.Count);

        // Assert: the hundred first events took one write; the subscriber got every event once, in each conversation's order.
        Assert.Equal([1, customers.Count], _store.Writes(number).Take(2));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Position));
        Assert.All(customers, customer => Assert.Equal([1L, 2], events.Where(e => e.Event.Customer == customer).Select(e => e.Event.Sequence)));
    }

    [Fact]
    public async Task A_number_whose_write_is_held_up_does_not_hold_up_another_numbers_events()
    {
        var slow = TestNumbers.BusinessNumberId();
        var other = TestNumbers.BusinessNumberId();
        var held = Appender.Publish(Event(slow, TestNumbers.Customer(), 1));
        await _store.Gate.FirstHeld.Task;

        await Appender.Publish(Event(other, TestNumbers.Customer(), 1));

        Assert.False(held.IsCompleted);
        Assert.Equal([1], _store.Writes(other));
        _store.Gate.Release();
        await held;
    }

    /// <summary>Records each write's size per number and holds the very first write until released.</summary>
    private sealed class HeldFeedStore(IEventFeedStore inner) : IEventFeedStore
    {
        private readonly ConcurrentQueue<(string Number, int Count)> _writes = new();

        public FirstCallGate Gate { get; } = new();

        public IReadOnlyList<int> Writes(string number) => [.. _writes.Where(w => w.Number == number).Select(w => w.Count)];

        public async Task<long> Append(string businessNumberId, IReadOnlyList<PublishedEvent> events)
        {
            _writes.Enqueue((businessNumberId, events.Count));
            await Gate.Pass();
            return await inner.Append(businessNumberId, events);
        }

        public Task<EventRange> Read(string businessNumberId, long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default) =>
            inner.Read(businessNumberId, afterPosition, customer, maxCount, cancellationToken);

        public Task<EventFeedStatus> Status(string businessNumberId, CancellationToken cancellationToken = default) =>
            inner.Status(businessNumberId, cancellationToken);

        public Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken = default) =>
            inner.Erase(businessNumberId, customer, cancellationToken);
    }
}
