using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Window;

/// <summary>
/// The 24-hour customer service window: it lasts <see cref="Duration"/> from the customer's most recent message,
/// anchored on the customer's send time, never on when the webhook happened to arrive. Two meanings of "open" live
/// here and nowhere else: <see cref="IsOpenAt"/> is the window as Meta sees it (pricing, the messaging limit, the
/// reminder), <see cref="AllowsFreeFormAt"/> is the same window closed <see cref="SafetyMargin"/> early for free-form
/// sends, and <see cref="ClosesAt"/> is the instant free-form stops.
/// </summary>
public readonly record struct CustomerServiceWindow(
    DateTimeOffset? LastInboundAt,
    TimeSpan Duration,
    DateTimeOffset? ClosedByMetaAt = null,
    TimeSpan SafetyMargin = default)
{
    /// <summary>The window's end; earlier when Meta refused a free-form send as outside the window after the last inbound.</summary>
    public DateTimeOffset? ExpiresAt =>
        ClosedByMetaAt is { } closed && LastInboundAt is { } last && closed >= last && closed < last + Duration
            ? closed
            : LastInboundAt + Duration;

    /// <summary>When free-form sends stop: the end less the safety margin, against Meta's known early 131047 failures.</summary>
    public DateTimeOffset? ClosesAt => ExpiresAt - SafetyMargin;

    /// <summary>Open as Meta sees it: up to, and not including, the expiry instant.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ExpiresAt is { } expiresAt && now < expiresAt;

    /// <summary>Whether a free-form message may go at <paramref name="now"/>: open, and not yet inside the safety margin.</summary>
    public bool AllowsFreeFormAt(DateTimeOffset now) => ClosesAt is { } closesAt && now < closesAt;

    /// <summary>
    /// The window after a customer message sent at <paramref name="sentAt"/> arrived at <paramref name="receivedAt"/>.
    /// A send time in the future is clamped to the arrival; an older message than the latest never shrinks the window.
    /// </summary>
    public CustomerServiceWindow WithInbound(DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        var anchor = sentAt > receivedAt ? receivedAt : sentAt;
        return LastInboundAt is { } last && last >= anchor ? this : this with { LastInboundAt = anchor };
    }

    /// <summary>Every inbound type opens the window except a reaction, which Meta does not document: opt in by configuration.</summary>
    public static bool OpenedBy(InboundMessageType type, bool reactionsOpenWindow) =>
        type != InboundMessageType.Reaction || reactionsOpenWindow;

    /// <summary>
    /// Whether "closing soon" is due at <paramref name="now"/>: within <paramref name="leadTime"/> of the end and not yet
    /// announced for this end. A zero lead time turns the announcement off.
    /// </summary>
    public bool ClosingSoonDueAt(DateTimeOffset now, TimeSpan leadTime, DateTimeOffset? announcedFor) =>
        leadTime > TimeSpan.Zero
        && ExpiresAt is { } expiresAt
        && now >= expiresAt - leadTime
        && announcedFor != expiresAt;

    /// <summary>
    /// When the expiry reminder should next tick: the "closing soon" moment if it is still ahead and not yet announced
    /// for this end, else the end itself. Null for a window that never opened.
    /// </summary>
    public DateTimeOffset? NextReminderAt(DateTimeOffset now, TimeSpan closingSoonLeadTime, DateTimeOffset? closingSoonAnnouncedFor)
    {
        if (ExpiresAt is not { } expiresAt)
        {
            return null;
        }

        var closingSoonAt = expiresAt - closingSoonLeadTime;
        return closingSoonLeadTime > TimeSpan.Zero && closingSoonAnnouncedFor != expiresAt && closingSoonAt > now
            ? closingSoonAt
            : expiresAt;
    }
}
