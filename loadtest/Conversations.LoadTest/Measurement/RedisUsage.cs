using System.Globalization;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// What the api's Redis spent over one measurement, from INFO read at its start and end: CPU seconds, bytes received
/// from clients (every write, the statuses of the scenario's sends included) and bytes appended to the AOF. A figure
/// INFO did not give is null; the AOF growth is null when it cannot be told, and <see cref="AofNotMeasuredBecause"/> says why.
/// </summary>
public sealed record RedisUsage(double? CpuSeconds, long? BytesIn, long? AofBytes, string? AofNotMeasuredBecause)
{
    public const string AofOff = "AOF off (aof_enabled:0)";

    public static RedisUsage Between(RedisInfo start, RedisInfo end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        double? cpu = start.CpuSeconds is { } a && end.CpuSeconds is { } b ? Math.Round(b - a, 6) : null;
        long? bytesIn = start.NetInputBytes is { } inA && end.NetInputBytes is { } inB ? inB - inA : null;
        var (aof, why) = AofGrowth(start, end);
        return new RedisUsage(cpu, bytesIn, aof, why);
    }

    /// <summary>CPU ÷ items, in µs to one decimal; null without a reading or an item.</summary>
    public double? CpuMicrosecondsPer(long items) => CpuPerOperation.Microseconds(CpuSeconds, items);

    public double? BytesInPer(long items) => Per(BytesIn, items);

    public double? AofBytesPer(long items) => Per(AofBytes, items);

    private static double? Per(long? bytes, long items) => bytes is { } b && items > 0 ? Math.Round((double)b / items, 1) : null;

    private static (long? Bytes, string? NotMeasuredBecause) AofGrowth(RedisInfo start, RedisInfo end)
    {
        if (start.AofEnabled is null || end.AofEnabled is null)
        {
            return (null, "INFO has no aof_enabled");
        }

        if (start.AofEnabled == false || end.AofEnabled == false)
        {
            return (null, AofOff);
        }

        if (start.AofCurrentSize is not { } before || end.AofCurrentSize is not { } after)
        {
            return (null, "INFO has no aof_current_size");
        }

        // A rewrite replaces the file by a compacted one, so the size no longer grows by what was appended.
        if (after < before)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"aof_current_size dropped from {before:N0} to {after:N0} B: an AOF rewrite ran during the measurement (start redis-server with --auto-aof-rewrite-percentage 0)"));
        }

        if (start.AofRewrites is { } rewritesBefore && end.AofRewrites is { } rewritesAfter && rewritesAfter != rewritesBefore)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"aof_rewrites went from {rewritesBefore} to {rewritesAfter}: an AOF rewrite ran during the measurement (start redis-server with --auto-aof-rewrite-percentage 0)"));
        }

        return (after - before, null);
    }
}
