using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversations.Testing;

/// <summary>A subscriber that reads its feed in the background into a list a test waits on.</summary>
public sealed class FeedRecorder : IAsyncDisposable
{
    private readonly EventFeed _feed;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private FeedRecorder(EventFeed feed)
    {
        _feed = feed;
        _reading = Task.Run(async () =>
        {
            await foreach (var feedEvent in feed.ReadAllAsync(_stop.Token))
            {
                Received.Enqueue(feedEvent);
            }
        });
    }

    public ConcurrentQueue<FeedEvent> Received { get; } = new();

    public long Position => Received.LastOrDefault()?.Position ?? _feed.LatestPositionAtStart;

    /// <summary>Feeds opened through a client or silo's grain factory, with the production defaults.</summary>
    public static EventFeeds FeedsOf(IGrainFactory grains, EventHubOptions? options = null) =>
        new(grains, Options.Create(options ?? new EventHubOptions()), new LivenessClock(TimeProvider.System), NullLogger<EventFeed>.Instance);

    public static async Task<FeedRecorder> Start(EventFeeds feeds, string businessNumberId, string? customer = null, long? afterPosition = null)
    {
        var feed = await feeds.Subscribe(businessNumberId, customer, afterPosition);
        return feed.Succeeded ? new FeedRecorder(feed.Value) : throw new InvalidOperationException($"Subscribing was refused: {feed.Refusal.Message}");
    }

    public async Task<IReadOnlyList<FeedEvent>> WaitFor(Func<IReadOnlyList<FeedEvent>, bool> condition) =>
        await Eventually.Until(() => Task.FromResult<IReadOnlyList<FeedEvent>>([.. Received]), condition, TimeSpan.FromSeconds(10));

    public Task<IReadOnlyList<FeedEvent>> WaitFor(int count, ConversationEventKind kind) =>
        WaitFor(events => events.Count(e => e.Event.Kind == kind) >= count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        await _feed.DisposeAsync();
        _stop.Dispose();
    }
}
