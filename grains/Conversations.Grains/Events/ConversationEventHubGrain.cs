using Conversations.Abstractions.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Events;

/// <summary>
/// The event hub of one business number. Retained events live in this activation's memory only: writing a log of
/// thousands of events to storage on every append would cost more than every conversation write it serves. What is
/// persisted is the block of positions handed out, so positions keep growing across activations and a subscriber
/// resuming from before a restart is told its gap cannot be filled.
/// </summary>
[GrainType("event-hub")]
public sealed class ConversationEventHubGrain(
    [PersistentState("event-hub", StorageNames.Conversations)] IPersistentState<EventHubState> state,
    IOptions<EventHubOptions> options,
    TimeProvider time,
    LivenessClock liveness,
    ILogger<ConversationEventHubGrain> logger)
    : Grain, IConversationEventHubGrain
{
    /// <summary>Positions reserved per storage write; a restart skips what was left of the block.</summary>
    public const long PositionBlock = 100_000;

    private readonly EventHubOptions _options = options.Value;
    private readonly EventSubscribers _subscribers = new(logger);
    private RetainedEventLog _log = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new RetainedEventLog(state.State.ReservedThrough + 1, _options.RetainedEvents, _options.Retention);
        return Task.CompletedTask;
    }

    public async Task<long> Append(PublishedEvent conversationEvent, CancellationToken cancellationToken = default)
    {
        if (conversationEvent.BusinessNumberId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"An event of business number {conversationEvent.BusinessNumberId} does not belong to hub {this.GetPrimaryKeyString()}.", nameof(conversationEvent));
        }

        if (_log.NextPosition > state.State.ReservedThrough)
        {
            state.State.ReservedThrough = _log.NextPosition - 1 + PositionBlock;
            await state.WriteStateAsync(cancellationToken);
        }

        var positioned = _log.Append(conversationEvent, time.GetUtcNow());
        // The retained events exist only here: an idle hub must not be collected while they are still due to subscribers.
        DelayDeactivation(_options.Retention);
        _subscribers.Push(positioned, liveness.Time.GetUtcNow());
        return positioned.Position;
    }

    public Task<EventHubStatus> Subscribe(Guid subscriptionId, IConversationEventObserver observer, string? customer, CancellationToken cancellationToken = default)
    {
        var now = liveness.Time.GetUtcNow();
        _subscribers.RemoveExpired(now);
        _subscribers.Renew(subscriptionId, observer, customer, _log.LatestPosition, now + _options.SubscriptionLifetime);
        return Task.FromResult(Status());
    }

    public Task Unsubscribe(Guid subscriptionId)
    {
        _subscribers.Remove(subscriptionId);
        return Task.CompletedTask;
    }

    public Task<EventRange> Read(long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default) =>
        Task.FromResult(_log.Read(afterPosition, customer, Math.Max(1, maxCount), time.GetUtcNow()));

    public Task<EventHubStatus> GetStatus()
    {
        _subscribers.RemoveExpired(liveness.Time.GetUtcNow());
        return Task.FromResult(Status());
    }

    private EventHubStatus Status() => new(_log.LatestPosition, _log.OldestRetainedPosition, _log.Count, _subscribers.Count);
}
