using HdrHistogram;

namespace Conversations.LoadTest.Measurement;

/// <summary>Percentiles of one measurement, in milliseconds, read from a histogram of every recorded operation.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencySummary Of(HistogramBase microseconds)
    {
        if (microseconds.TotalCount == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }

        double At(double percentile) => microseconds.GetValueAtPercentile(percentile) / 1000.0;
        return new LatencySummary(microseconds.TotalCount, At(50), At(90), At(99), At(99.9), microseconds.GetMaxValue() / 1000.0);
    }
}
