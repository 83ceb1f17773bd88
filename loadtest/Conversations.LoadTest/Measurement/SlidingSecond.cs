namespace Conversations.LoadTest.Measurement;

/// <summary>The most arrivals in any one-second span, as Meta counts a number's throughput: any [t, t + 1 s), not calendar seconds.</summary>
public static class SlidingSecond
{
    private const long Second = 1_000_000;

    /// <summary>Over the arrivals at or after <paramref name="fromUnixMicroseconds"/>, given in ascending order (Unix µs).</summary>
    public static int Busiest(IReadOnlyList<long> ascendingUnixMicroseconds, long fromUnixMicroseconds = long.MinValue)
    {
        ArgumentNullException.ThrowIfNull(ascendingUnixMicroseconds);
        var busiest = 0;
        var first = 0;
        while (first < ascendingUnixMicroseconds.Count && ascendingUnixMicroseconds[first] < fromUnixMicroseconds)
        {
            first++;
        }

        // Two pointers: the span ending at each arrival starts at the oldest arrival less than a second before it.
        for (int last = first, oldest = first; last < ascendingUnixMicroseconds.Count; last++)
        {
            while (ascendingUnixMicroseconds[last] - ascendingUnixMicroseconds[oldest] >= Second)
            {
                oldest++;
            }

            busiest = Math.Max(busiest, last - oldest + 1);
        }

        return busiest;
    }
}
