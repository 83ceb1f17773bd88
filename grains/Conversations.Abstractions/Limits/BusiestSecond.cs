namespace Conversations.Abstractions.Limits;

/// <summary>
/// Meta's throughput as it counts it, where it counts it: the most messages whose arrivals fall within one span of a
/// second, both ends included (the stricter reading), wherever that second starts.
/// </summary>
public static class BusiestSecond
{
    public static int Of(IEnumerable<DateTimeOffset> arrivals) => Of(arrivals, TimeSpan.FromSeconds(1));

    public static int Of(IEnumerable<DateTimeOffset> arrivals, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var sorted = arrivals.Order().ToArray();
        var most = 0;
        for (int first = 0, last = 0; last < sorted.Length; last++)
        {
            while (sorted[last] - sorted[first] > span)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }
}
