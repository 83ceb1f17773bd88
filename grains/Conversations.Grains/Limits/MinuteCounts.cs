namespace Conversations.Grains.Limits;

/// <summary>
/// Slots of a moving window counted per minute. A slot taken in minute m leaves the window when the whole minute has
/// (end of m + window), so it never leaves before the message that took it is a full window old: at worst a slot is
/// counted up to a minute longer than Meta would, never shorter.
/// </summary>
public static class MinuteCounts
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static long MinuteOf(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeMilliseconds() / 60_000d);

    public static DateTimeOffset LeavesWindowAt(long minute, TimeSpan window) =>
        DateTimeOffset.FromUnixTimeMilliseconds(minute * 60_000) + Minute + window;

    /// <summary>Drops the minutes that have left the window; returns whether any did.</summary>
    public static bool Prune(Dictionary<long, int> counts, DateTimeOffset now, TimeSpan window)
    {
        var gone = counts.Keys.Where(m => LeavesWindowAt(m, window) <= now).ToList();
        foreach (var minute in gone)
        {
            counts.Remove(minute);
        }

        return gone.Count > 0;
    }

    public static int Used(Dictionary<long, int> counts) => counts.Values.Sum();

    public static DateTimeOffset? ResetsAt(Dictionary<long, int> counts, TimeSpan window) =>
        counts.Count == 0 ? null : LeavesWindowAt(counts.Keys.Min(), window);
}
