using Orleans.Concurrency;

namespace Conversations.Abstractions.Events;

/// <summary>
/// The live subscribers of one business number's events, keyed by its id: pushes each batch the number's feed store
/// took to the subscriptions it matches, and reads that store for subscribers that resume or fall behind. The events
/// themselves live in the store, not here, so losing this activation loses no event.
/// </summary>
[Alias("event-hub")]
public interface IConversationEventHubGrain : IGrainWithStringKey
{
    /// <summary>
    /// The events the store took in one append, at the consecutive positions (<see cref="EventRange.After"/>,
    /// <see cref="EventRange.Through"/>]. One-way: a publisher never waits for live delivery, which a resuming
    /// subscriber can always replace with a read.
    /// </summary>
    [OneWay, Alias("published")]
    Task Published(EventRange events);

    /// <summary>
    /// Adds the subscription, or renews it: a subscription not renewed within the configured lifetime is dropped.
    /// A new subscription is pushed the batches published after this call; the returned latest position is the store's.
    /// </summary>
    /// <param name="customer">Only this customer's events (normalized wa_id), or null for all of the number's.</param>
    [Alias("subscribe")]
    Task<EventHubStatus> Subscribe(Guid subscriptionId, IConversationEventObserver observer, string? customer, CancellationToken cancellationToken = default);

    [Alias("unsubscribe")]
    Task Unsubscribe(Guid subscriptionId);

    /// <summary>Retained events after <paramref name="afterPosition"/>, oldest first, at most <paramref name="maxCount"/>.</summary>
    [Alias("read")]
    Task<EventRange> Read(long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Positions, retention and live subscriptions: for operators and tests.</summary>
    [Alias("status")]
    Task<EventHubStatus> GetStatus();
}
