namespace Conversations.Grains.Events;

/// <summary>
/// The clock of liveness: whether a subscription is still renewed, when a subscriber renews it. Real time
/// even when tests run grains on a fake clock: moving a window 24 hours ahead must not look like every subscriber
/// went silent for a day.
/// </summary>
public sealed record LivenessClock(TimeProvider Time);
