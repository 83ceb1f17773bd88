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

    /// <summary>Adds a subscription pushed the batches published from now on, or renews an existing one where it stands.</summary>
    public void Renew(Guid id, IConversationEventObserver observer, string? customer, DateTimeOffset expiresAt)
    {
        if (_subscriptions.TryGetValue(id, out var existing))
        {
            existing.Observer = observer;
            existing.ExpiresAt = expiresAt;
            return;
        }

        _subscriptions[id] = new Subscription(observer, customer) { ExpiresAt = expiresAt };
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

    /// <summary>
    /// Pushes one published batch to each subscription it matches; never waits for a subscriber. Batches appended on
    /// different silos may arrive out of order: a batch that does not follow what a subscription was given is pushed
    /// as it is, so the subscriber sees the gap before it and reads it from the store; a batch that arrives after one
    /// beyond it was pushed is already in what that read returned.
    /// </summary>
    public void Push(EventRange batch, DateTimeOffset now)
    {
        RemoveExpired(now);
        foreach (var (id, subscription) in _subscriptions)
        {
            var covered = subscription.CoveredThrough ?? long.MinValue;
            var fresh = batch.Events.Where(e => e.Position > covered && (subscription.Customer is null || subscription.Customer == e.Event.Customer)).ToArray();
            var follows = batch.After <= covered;
            if (fresh.Length == 0)
            {
                if (follows)
                {
                    subscription.CoveredThrough = Math.Max(covered, batch.Through);
                }

                continue;
            }

            try
            {
                // Following on, the range starts where the last push ended: the events in between matched nothing.
                _ = subscription.Observer.OnEvents(new EventRange(follows ? subscription.PushedThrough : batch.After, batch.Through, [.. fresh]));
                subscription.PushedThrough = batch.Through;
                subscription.CoveredThrough = batch.Through;
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

        /// <summary>Where the last push to this subscription ended: the next one that follows on starts here.</summary>
        public long PushedThrough { get; set; }

        /// <summary>Every event this subscription matches up to here was pushed to it; null before its first batch.</summary>
        public long? CoveredThrough { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
