namespace Conversations.LoadTest.Measurement;

/// <summary>
/// When an open-loop phase meant to send, in Unix microseconds (the clock the Meta simulator stamps arrivals with):
/// one send every 1/rate s from the first, warm-up included, and the measurement window within it.
/// </summary>
public sealed record OpenLoopSchedule(long FirstIntendedUnixMicroseconds, long MeasureFromUnixMicroseconds, long MeasureUntilUnixMicroseconds, double RatePerSecond)
{
    /// <summary>The k-th intended send (0 = the first), rounded down so that rounding never makes an arrival look early.</summary>
    public long IntendedAtUnixMicroseconds(long k) => FirstIntendedUnixMicroseconds + (long)Math.Floor(k * 1_000_000 / RatePerSecond);
}
