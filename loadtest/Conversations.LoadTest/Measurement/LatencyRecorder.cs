using System.Diagnostics;
using HdrHistogram;

namespace Conversations.LoadTest.Measurement;

/// <summary>Latency of calls made by many tasks at once (setup steps), in the same histogram shape as the load phase.</summary>
public sealed class LatencyRecorder
{
    private readonly LongConcurrentHistogram _microseconds = new(1, WorkerStats.HighestTrackableMicroseconds, 3);

    public void Record(long startedAt, long completedAt)
    {
        var microseconds = (long)Stopwatch.GetElapsedTime(startedAt, completedAt).TotalMicroseconds;
        _microseconds.RecordValue(Math.Clamp(microseconds, 1, WorkerStats.HighestTrackableMicroseconds));
    }

    public LatencySummary Summary() => LatencySummary.Of(_microseconds);
}
