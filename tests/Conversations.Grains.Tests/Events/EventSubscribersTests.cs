using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.Grains.Tests.Events;

/// <summary>How a hub turns the batches silos publish into the ranges it pushes to each subscription.</summary>
public sealed class EventSubscribersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly EventSubscribers _subscribers = new(NullLogger.Instance);
    private readonly RecordingObserver _observer = new();

    /// <summary>The batch a store append made: consecutive positions after <paramref name="after"/>, one customer each.</summary>
    private static EventRange Batch(long after, params string[] customers) =>
        new(after, after + customers.Length, [.. customers.Select((c, i) => new PositionedEvent(after + 1 + i, new PublishedEvent("1001", c, 1, ConversationEventKind.InboundMessage, Now)))]);

    [Fact]
    public void Batches_in_order_reach_a_customer_filtered_subscriber_as_ranges_that_follow_on_from_each_other()
    {
        _subscribers.Renew(Guid.NewGuid(), _observer, "A", Now.AddMinutes(2));

        _subscribers.Push(Batch(0, "A", "B"), Now);
        _subscribers.Push(Batch(2, "B", "B"), Now);
        _subscribers.Push(Batch(4, "A", "B"), Now);

        // The second push starts where the first ended: positions 3 and 4 matched nothing, so the feed reads nothing.
        Assert.Equal(["(0, 2]: 1", "(2, 6]: 5"], _observer.Pushes);
    }

    [Fact]
    public void A_batch_that_overtook_an_earlier_one_is_pushed_with_the_gap_before_it_and_the_late_one_is_not_pushed_again()
    {
        _subscribers.Renew(Guid.NewGuid(), _observer, null, Now.AddMinutes(2));

        _subscribers.Push(Batch(0, "A", "B"), Now);
        _subscribers.Push(Batch(4, "A", "B"), Now);
        _subscribers.Push(Batch(2, "C", "D"), Now);
        _subscribers.Push(Batch(6, "E"), Now);

        // (2, 4] is a gap to the feed when (4, 6] arrives, so it reads positions 3 and 4 from the store then.
        Assert.Equal(["(0, 2]: 1 2", "(4, 6]: 5 6", "(6, 7]: 7"], _observer.Pushes);
    }

    [Fact]
    public void A_subscription_that_is_not_renewed_is_not_pushed_to()
    {
        _subscribers.Renew(Guid.NewGuid(), _observer, null, Now.AddMinutes(2));

        _subscribers.Push(Batch(0, "A"), Now.AddMinutes(2));

        Assert.Empty(_observer.Pushes);
        Assert.Equal(0, _subscribers.Count);
    }

    private sealed class RecordingObserver : IConversationEventObserver
    {
        private readonly ConcurrentQueue<string> _pushes = new();

        /// <summary>Each push as "(after, through]: positions".</summary>
        public IReadOnlyList<string> Pushes => [.. _pushes];

        public Task OnEvents(EventRange events)
        {
            _pushes.Enqueue($"({events.After}, {events.Through}]: {string.Join(' ', events.Events.Select(e => e.Position))}");
            return Task.CompletedTask;
        }
    }
}
