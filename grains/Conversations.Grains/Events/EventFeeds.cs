using Conversations.Abstractions.Refusals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Events;

/// <summary>Opens subscriptions to business numbers' events, and counts the open ones so a leak shows.</summary>
public sealed class EventFeeds(IGrainFactory grains, IOptions<EventHubOptions> options, LivenessClock clock, ILogger<EventFeed> logger)
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    /// <param name="customer">A normalized wa_id, or null for every customer of the number.</param>
    /// <param name="afterPosition">Null: live events only. 0: every retained event first. N: the retained events after position N first.</param>
    public async Task<Result<EventFeed>> Subscribe(string businessNumberId, string? customer, long? afterPosition, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _open);
        return await EventFeed.Open(
            grains,
            businessNumberId,
            customer,
            afterPosition,
            options.Value,
            clock,
            logger,
            () => Interlocked.Decrement(ref _open),
            cancellationToken);
    }
}
