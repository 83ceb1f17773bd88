namespace Conversations.Abstractions.Events;

/// <summary>
/// The events of every conversation of one business number, keyed by its id: numbers them with a hub-wide position,
/// retains the most recent ones and pushes each to the live subscribers it matches.
/// </summary>
[Alias("event-hub")]
public interface IConversationEventHubGrain : IGrainWithStringKey
{
    /// <summary>Logs the event and pushes it to its subscribers; returns its position.</summary>
    [Alias("append")]
    Task<long> Append(PublishedEvent conversationEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the subscription, or renews it: a subscription not renewed within the configured lifetime is dropped.
    /// A new subscription is pushed the events after the hub's latest position at this call.
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
