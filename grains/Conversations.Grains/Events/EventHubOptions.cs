namespace Conversations.Grains.Events;

/// <summary>How much of its events a business number's feed keeps for subscribers that reconnect, and how subscriptions stay alive.</summary>
public sealed class EventHubOptions
{
    public const string Section = "Conversations:Events";

    /// <summary>Upper bound of <see cref="RetainedEvents"/>: what one number's feed may hold in memory or in Redis.</summary>
    public const int MaxRetainedEvents = 1_000_000;

    /// <summary>Upper bound of <see cref="RetainedBytes"/>.</summary>
    public const long MaxRetainedBytes = 1L << 30;

    /// <summary>At most this many events per business number are kept for resuming subscribers ...</summary>
    public int RetainedEvents { get; set; } = 10_000;

    /// <summary>
    /// ... of at most this many bytes together (<see cref="FeedEntrySize"/>): the oldest go first, the newest always stays ...
    /// </summary>
    public long RetainedBytes { get; set; } = 4L << 20;

    /// <summary>... and none older than this.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The most retained events one Subscribe replays from its cursor before going live; a cursor further behind is
    /// refused (<see cref="SubscribeCursor"/>), so no subscriber streams a whole feed's history at once.
    /// </summary>
    public int MaxReplayEvents { get; set; } = 5_000;

    /// <summary>A subscription its subscriber has not renewed for this long is dropped; subscribers renew every third of it.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pushed ranges one subscriber buffers before it stops taking pushes and reads the store instead.</summary>
    public int SubscriberBuffer { get; set; } = 256;

    /// <summary>Events per read when a subscriber catches up from the store.</summary>
    public int ReadPageSize { get; set; } = 500;

    /// <summary>Events of one number a silo writes to the store at most at once; more waiting go in the next write.</summary>
    public int MaxAppendBatch { get; set; } = 500;

    public TimeSpan RenewalPeriod => SubscriptionLifetime / 3;
}
