using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Refusals;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Events;

/// <summary>
/// One subscriber's events of a business number: pushed by the hub while the subscriber keeps up, read from the number's
/// feed store (through the hub) when it resumes from a position, falls behind or a push went missing. Yields every matching event once, in
/// position order. For hosts and clients, not for use inside a grain; dispose it to unsubscribe.
/// </summary>
public sealed class EventFeed : IConversationEventObserver, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IConversationEventHubGrain _hub;
    private readonly string? _customer;
    private readonly EventHubOptions _options;
    private readonly LivenessClock _clock;
    private readonly ILogger _logger;
    private readonly Action _closed;
    private readonly Guid _id = Guid.NewGuid();
    private readonly CancellationTokenSource _stop = new();

    // Pushed ranges, or null for "read the store": bounded, because a subscriber that stops reading must not make us buffer without end.
    private readonly Channel<EventRange?> _pushed;
    private IConversationEventObserver? _reference;
    private Task _renewals = Task.CompletedTask;
    private long _through;
    private bool _missed;
    private int _overflowed;
    private int _disposed;

    private EventFeed(IGrainFactory grains, string businessNumberId, string? customer, EventHubOptions options, LivenessClock clock, ILogger logger, Action closed)
    {
        _grains = grains;
        _hub = grains.GetGrain<IConversationEventHubGrain>(businessNumberId);
        _customer = customer;
        _options = options;
        _clock = clock;
        _logger = logger;
        _closed = closed;
        _pushed = Channel.CreateBounded<EventRange?>(new BoundedChannelOptions(options.SubscriberBuffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The feed's latest position when this feed subscribed.</summary>
    public long LatestPositionAtStart { get; private set; }

    /// <summary>Everything this feed matches up to this position has been yielded (or is known to be lost).</summary>
    public long Position => Volatile.Read(ref _through);

    /// <summary>Subscribes; refuses a position the feed has not reached, or one too far behind it (<see cref="SubscribeCursor"/>).</summary>
    internal static async Task<Result<EventFeed>> Open(
        IGrainFactory grains,
        string businessNumberId,
        string? customer,
        long? afterPosition,
        EventHubOptions options,
        LivenessClock clock,
        ILogger logger,
        Action closed,
        CancellationToken cancellationToken)
    {
        var feed = new EventFeed(grains, businessNumberId, customer, options, clock, logger, closed);
        try
        {
            feed._reference = grains.CreateObjectReference<IConversationEventObserver>(feed);
            var status = await feed._hub.Subscribe(feed._id, feed._reference, customer, cancellationToken);
            if (afterPosition is { } after && SubscribeCursor.Check(businessNumberId, after, status, options.MaxReplayEvents) is { } refusal)
            {
                await feed.DisposeAsync();
                return refusal;
            }

            feed.LatestPositionAtStart = status.LatestPosition;
            feed._through = afterPosition ?? status.LatestPosition;
            if (afterPosition is not null)
            {
                feed._pushed.Writer.TryWrite(null);
            }

            feed._renewals = feed.RenewUntilDisposed();
            return Result<EventFeed>.Ok(feed);
        }
        catch
        {
            await feed.DisposeAsync();
            throw;
        }
    }

    public async IAsyncEnumerable<FeedEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _pushed.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_pushed.Reader.TryRead(out var pushed))
            {
                if (pushed is null || pushed.After > _through)
                {
                    foreach (var caughtUp in await CatchUp(cancellationToken))
                    {
                        yield return caughtUp;
                    }
                }

                if (pushed is not null)
                {
                    foreach (var applied in Apply(pushed))
                    {
                        yield return applied;
                    }
                }

                if (Interlocked.Exchange(ref _overflowed, 0) == 1)
                {
                    foreach (var caughtUp in await CatchUp(cancellationToken))
                    {
                        yield return caughtUp;
                    }
                }
            }
        }
    }

    Task IConversationEventObserver.OnEvents(EventRange events)
    {
        if (!_pushed.Writer.TryWrite(events))
        {
            // Full: this push is dropped and the reader reads the store instead. The flag goes first, so a reader that
            // drained the buffer meanwhile is woken by the marker, and one that did not sees the flag.
            Volatile.Write(ref _overflowed, 1);
            _pushed.Writer.TryWrite(null);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _renewals;
        _pushed.Writer.TryComplete();
        if (_reference is not null)
        {
            try
            {
                await _hub.Unsubscribe(_id);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Unsubscribing {SubscriptionId} failed; the hub drops it when it is not renewed", _id);
            }

            _grains.DeleteObjectReference<IConversationEventObserver>(_reference);
        }

        _stop.Dispose();
        _closed();
    }

    /// <summary>Reads the store from this feed's position to its latest, page by page.</summary>
    private async Task<List<FeedEvent>> CatchUp(CancellationToken cancellationToken)
    {
        var caughtUp = new List<FeedEvent>();
        while (true)
        {
            var range = await _hub.Read(_through, _customer, _options.ReadPageSize, cancellationToken);
            _missed |= range.Truncated;
            caughtUp.AddRange(Apply(range));
            if (range.Events.Length < _options.ReadPageSize)
            {
                return caughtUp;
            }
        }
    }

    private List<FeedEvent> Apply(EventRange range)
    {
        var applied = new List<FeedEvent>(range.Events.Length);
        foreach (var positioned in range.Events)
        {
            if (positioned.Position <= _through)
            {
                continue;
            }

            applied.Add(new FeedEvent(positioned.Position, positioned.Event, _missed));
            _missed = false;
            Volatile.Write(ref _through, positioned.Position);
        }

        Volatile.Write(ref _through, Math.Max(_through, range.Through));
        return applied;
    }

    /// <summary>Keeps the subscription alive, and reads the store each time in case a push was lost without a later one to reveal it.</summary>
    private async Task RenewUntilDisposed()
    {
        using var timer = new PeriodicTimer(_options.RenewalPeriod, _clock.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await _hub.Subscribe(_id, _reference!, _customer, _stop.Token);
                    _pushed.Writer.TryWrite(null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning(e, "Renewing subscription {SubscriptionId} failed; retrying in {Period}", _id, _options.RenewalPeriod);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
