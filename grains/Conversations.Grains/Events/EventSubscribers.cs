using Conversations.Abstractions.Events;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Events;

/// <summary>
/// The live subscriptions of one hub, each pushed the events it matches. Like Orleans' ObserverManager, a subscription
/// its subscriber stops renewing expires, so a subscriber that vanished without unsubscribing is not pushed to forever.
/// </summary>
public sealed class EventSubscribers(ILogger logger)
{
    private readonly Dictionary<Guid, Subscription> _subscriptions = [];

    public int Count => _subscriptions.Count;

    /// <summary>Adds a subscription pushed from after <paramref name="latestPosition"/>, or renews an existing one where it stands.</summary>
    public void Renew(Guid id, IConversationEventObserver observer, string? customer, long latestPosition, DateTimeOffset expiresAt)
    {
        if (_subscriptions.TryGetValue(id, out var existing))
        {
            existing.Observer = observer;
            existing.ExpiresAt = expiresAt;
            return;
        }

        _subscriptions[id] = new Subscription(observer, customer) { SentThrough = latestPosition, ExpiresAt = expiresAt };
    }

    public void Remove(Guid id) => _subscriptions.Remove(id);

    public void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (id, subscription) in _subscriptions)
        {
            if (subscription.ExpiresAt <= now)
            {
                _subscriptions.Remove(id);
            }
        }
    }

    /// <summary>Pushes one event to each subscription it matches; never waits for a subscriber.</summary>
    public void Push(PositionedEvent positioned, DateTimeOffset now)
    {
        RemoveExpired(now);
        foreach (var (id, subscription) in _subscriptions)
        {
            if (subscription.Customer is not null && subscription.Customer != positioned.Event.Customer)
            {
                continue;
            }

            try
            {
                _ = subscription.Observer.OnEvents(new EventRange(subscription.SentThrough, positioned.Position, [positioned]));
                subscription.SentThrough = positioned.Position;
            }
            catch (Exception e)
            {
                // Only a reference that cannot be addressed at all throws here; a subscriber that is alive re-subscribes.
                logger.LogWarning(e, "Dropping subscription {SubscriptionId}: its observer cannot be called", id);
                _subscriptions.Remove(id);
            }
        }
    }

    private sealed class Subscription(IConversationEventObserver observer, string? customer)
    {
        public IConversationEventObserver Observer { get; set; } = observer;

        public string? Customer { get; } = customer;

        /// <summary>Everything this subscription matches up to here has been pushed to it.</summary>
        public long SentThrough { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
