using Conversations.Abstractions.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Conversations.Grains.Events;

/// <summary>
/// The live subscribers of one business number. The events are in the feed store, written by each silo's
/// <see cref="EventFeedAppender"/> without passing through here; this activation only fans batches out and serves reads,
/// so it holds nothing that a restart could lose, and reentrancy lets reads, pushes and subscriptions interleave
/// (every method's state change happens before its only await).
/// </summary>
[GrainType("event-hub")]
[Reentrant]
public sealed class ConversationEventHubGrain(
    IEventFeedStore store,
    IOptions<EventHubOptions> options,
    LivenessClock liveness,
    ILogger<ConversationEventHubGrain> logger)
    : Grain, IConversationEventHubGrain
{
    private readonly EventSubscribers _subscribers = new(logger);

    private string BusinessNumberId => this.GetPrimaryKeyString();

    public Task Published(EventRange events)
    {
        _subscribers.Push(events, liveness.Time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<EventHubStatus> Subscribe(Guid subscriptionId, IConversationEventObserver observer, string? customer, CancellationToken cancellationToken = default)
    {
        // Registered before the store is asked for its latest position, so no batch published in between is missed.
        var now = liveness.Time.GetUtcNow();
        _subscribers.RemoveExpired(now);
        _subscribers.Renew(subscriptionId, observer, customer, now + options.Value.SubscriptionLifetime);
        return Status(cancellationToken);
    }

    public Task Unsubscribe(Guid subscriptionId)
    {
        _subscribers.Remove(subscriptionId);
        return Task.CompletedTask;
    }

    public Task<EventRange> Read(long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default) =>
        store.Read(BusinessNumberId, afterPosition, customer, Math.Max(1, maxCount), cancellationToken);

    public Task<EventHubStatus> GetStatus()
    {
        _subscribers.RemoveExpired(liveness.Time.GetUtcNow());
        return Status(CancellationToken.None);
    }

    private async Task<EventHubStatus> Status(CancellationToken cancellationToken)
    {
        var feed = await store.Status(BusinessNumberId, cancellationToken);
        return new EventHubStatus(feed.LatestPosition, feed.OldestRetainedPosition, feed.RetainedEvents, _subscribers.Count) { RetainedBytes = feed.RetainedBytes };
    }
}
