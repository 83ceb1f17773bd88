using System.Diagnostics;
using HdrHistogram;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// One worker loop's measurements. Only its loop writes them, so recording takes no lock; the live display reads
/// the two counters, and the histograms and tallies are merged once the loops have stopped.
/// </summary>
public sealed class WorkerStats
{
    // Microseconds from 1 µs to 60 s at three significant digits: exact below 1 ms, within 0.1% above.
    public const long HighestTrackableMicroseconds = 60_000_000;

    private long _completed;
    private long _notOk;

    public LongHistogram Latency { get; } = new(1, HighestTrackableMicroseconds, 3);

    public OutcomeTally Outcomes { get; } = new();

    /// <summary>Operations completed in warm-up and measurement alike, for the live rate.</summary>
    public long Completed => Volatile.Read(ref _completed);

    public long NotOk => Volatile.Read(ref _notOk);

    /// <summary>Stopwatch timestamp of the last operation counted in the measurement.</summary>
    public long LastMeasuredAt { get; private set; }

    public bool RanOutOfWork { get; set; }

    public void Completing(Outcome outcome)
    {
        Volatile.Write(ref _completed, _completed + 1);
        if (!outcome.IsOk)
        {
            Volatile.Write(ref _notOk, _notOk + 1);
        }
    }

    public void Measure(Outcome outcome, Exception? failure, long startedAt, long completedAt)
    {
        var microseconds = (long)Stopwatch.GetElapsedTime(startedAt, completedAt).TotalMicroseconds;
        Latency.RecordValue(Math.Clamp(microseconds, 1, HighestTrackableMicroseconds));
        Outcomes.Add(outcome, failure);
        LastMeasuredAt = completedAt;
    }
}
