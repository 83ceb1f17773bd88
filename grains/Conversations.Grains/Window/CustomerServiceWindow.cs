namespace Conversations.Grains.Window;

/// <summary>
/// The 24-hour customer service window: it lasts <see cref="Duration"/> from the customer's most recent
/// message, anchored on the customer's send time, never on when the webhook happened to arrive.
/// </summary>
public readonly record struct CustomerServiceWindow(DateTimeOffset? LastInboundAt, TimeSpan Duration, DateTimeOffset? ClosedByMetaAt = null)
{
    /// <summary>The window's end; earlier when Meta refused a free-form send as outside the window after the last inbound.</summary>
    public DateTimeOffset? ExpiresAt =>
        ClosedByMetaAt is { } closed && LastInboundAt is { } last && closed >= last && closed < last + Duration
            ? closed
            : LastInboundAt + Duration;

    public bool HasEverOpened => LastInboundAt is not null;

    /// <summary>Open up to, and not including, the expiry instant; the safety margin closes it earlier.</summary>
    public bool IsOpenAt(DateTimeOffset now, TimeSpan safetyMargin = default) =>
        ExpiresAt is { } expiresAt && now < expiresAt - safetyMargin;

    /// <summary>
    /// The window after a customer message sent at <paramref name="sentAt"/> arrived at <paramref name="receivedAt"/>.
    /// A send time in the future is clamped to the arrival; an older message than the latest never shrinks the window.
    /// </summary>
    public CustomerServiceWindow WithInbound(DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        var anchor = sentAt > receivedAt ? receivedAt : sentAt;
        return LastInboundAt is { } last && last >= anchor ? this : this with { LastInboundAt = anchor };
    }
}
