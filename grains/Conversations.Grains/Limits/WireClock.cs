namespace Conversations.Grains.Limits;

/// <summary>
/// The clock of the wire: when a message may leave for Meta. Real time even when tests run grains on a fake clock, like
/// the sender's retry backoff: a pace slot is a promise about when requests reach Meta, and moving a window 24 hours
/// ahead must not leave every paced send waiting for a clock nobody moves.
/// </summary>
public sealed record WireClock(TimeProvider Time)
{
    public static WireClock System { get; } = new(TimeProvider.System);
}
