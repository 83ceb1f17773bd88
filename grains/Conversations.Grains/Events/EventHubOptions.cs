namespace Conversations.Grains.Events;

/// <summary>How much of its events a business number's hub keeps for subscribers that reconnect, and how subscriptions stay alive.</summary>
public sealed class EventHubOptions
{
    public const string Section = "Conversations:Events";

    /// <summary>At most this many events per business number are kept for resuming subscribers ...</summary>
    public int RetainedEvents { get; set; } = 10_000;

    /// <summary>... and none older than this.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A subscription its subscriber has not renewed for this long is dropped; subscribers renew every third of it.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pushed ranges one subscriber buffers before it stops taking pushes and reads the hub's log instead.</summary>
    public int SubscriberBuffer { get; set; } = 256;

    /// <summary>Events per read when a subscriber catches up from the hub's log.</summary>
    public int ReadPageSize { get; set; } = 500;

    /// <summary>How long a conversation waits for its hub to take an event before it logs the event as lost and goes on.</summary>
    public TimeSpan AppendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RenewalPeriod => SubscriptionLifetime / 3;
}
