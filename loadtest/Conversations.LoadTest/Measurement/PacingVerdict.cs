using System.Globalization;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// Issue 13's pacing check of one number: none of its sends refused, none early at Meta (no arrival ahead of the
/// open-loop schedule, so none before its first intended send), and at most its throughput in any one-second span
/// of the measurement at Meta. A condition the arrivals could not tell is null, and so is the verdict unless another failed.
/// </summary>
public sealed record PacingVerdict(
    int ThroughputPerSecond,
    double RatePerSecond,
    long Sends,
    long Refused,
    long? ArrivalsReceived = null,
    long? ArrivalsKept = null,
    long? ArrivalsInMeasurement = null,
    int? BusiestSecond = null,
    int? SimulatorBusiestSecond = null,
    long? EarlyArrivals = null,
    double? FirstArrivalAfterFirstIntendedMs = null,
    string? ArrivalsNotCheckedBecause = null)
{
    public bool NoneRefused => Sends > 0 && Refused == 0;

    public bool? NoneEarly => EarlyArrivals is { } early ? early == 0 : null;

    public bool? WithinThroughput => BusiestSecond is { } busiest ? busiest <= ThroughputPerSecond : null;

    /// <summary>True when all three hold, false when any fails, null when none failed but the arrivals were not read.</summary>
    public bool? Passed => !NoneRefused || NoneEarly == false || WithinThroughput == false
        ? false
        : NoneEarly == true && WithinThroughput == true ? true : null;

    /// <summary>The sends' outcomes alone, when the simulator's arrival log could not be read.</summary>
    public static PacingVerdict Unchecked(int throughputPerSecond, double ratePerSecond, long sends, long refused, string why) =>
        new(throughputPerSecond, ratePerSecond, sends, refused, ArrivalsNotCheckedBecause: why);

    /// <summary>
    /// Judges the number's arrivals at Meta against the schedule. The k-th arrival (counting those the simulator no
    /// longer keeps) may not come before the k-th intended send: the tester had not sent it yet. The busiest second
    /// counts the arrivals from the start of the measurement on, so warm-up does not count, but sends of the window
    /// that arrive after it ends do.
    /// </summary>
    public static PacingVerdict Evaluate(int throughputPerSecond, OpenLoopSchedule schedule, long sends, long refused, MetaArrivals arrivals)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(arrivals);
        var times = arrivals.ReceivedAtUnixUs.Order().ToArray();
        var dropped = Math.Max(0, arrivals.Received - times.Length);
        if (dropped > 0 && (times.Length == 0 || times[0] > schedule.MeasureFromUnixMicroseconds))
        {
            return Unchecked(throughputPerSecond, schedule.RatePerSecond, sends, refused, string.Create(CultureInfo.InvariantCulture,
                $"the simulator kept {times.Length:N0} of {arrivals.Received:N0} arrivals, not all of the measurement's: raise Conversations__Meta__Simulator__ArrivalsPerNumber"));
        }

        var early = times.Where((time, i) => time < schedule.IntendedAtUnixMicroseconds(dropped + i)).LongCount();
        double? firstAfter = dropped == 0 && times.Length > 0
            ? Math.Round((times[0] - schedule.FirstIntendedUnixMicroseconds) / 1000.0, 3)
            : null;
        return new PacingVerdict(
            throughputPerSecond,
            schedule.RatePerSecond,
            sends,
            refused,
            arrivals.Received,
            times.Length,
            times.LongCount(time => time >= schedule.MeasureFromUnixMicroseconds),
            SlidingSecond.Busiest(times, schedule.MeasureFromUnixMicroseconds),
            arrivals.BusiestSecond,
            early,
            firstAfter);
    }
}
