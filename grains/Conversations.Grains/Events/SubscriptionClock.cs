namespace Conversations.Grains.Events;

/// <summary>
/// The clock that decides whether a subscription is still renewed. Real time even when tests run grains on a fake
/// clock: moving a window 24 hours ahead must not look like every subscriber went silent for a day.
/// </summary>
public sealed record SubscriptionClock(TimeProvider Time);
