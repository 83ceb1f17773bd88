using System.Globalization;

namespace Conversations.LoadTest.Reporting;

/// <summary>One spelling of numbers for the console and markdown tables.</summary>
public static class Formatting
{
    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Millis(double ms) => ms switch
    {
        < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ms.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double? ratio) => ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    public static string Share(long part, long whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Server CPU per successful operation, and per item when an operation carries several (a webhook POST of 100 messages).</summary>
    public static string CpuPerOk(Measurement.ScenarioResult s) =>
        s.ServerCpuMicrosecondsPerOkOperation is not { } perOperation
            ? "–"
            : s.ItemsPerOperation == 1 || s.ServerCpuMicrosecondsPerOkItem is not { } perItem
                ? Micros(perOperation)
                : $"{Micros(perOperation)} ({Micros(perItem)} per {s.ItemName.TrimEnd('s')})";

    public static string Micros(double microseconds) => microseconds.ToString(microseconds < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    public static string Cores(double? cores) => cores is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Bytes(long? bytes) => bytes is { } value ? (value / (1024.0 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " MiB" : "–";

    /// <summary>Bytes per window, per send: a growth divided by what caused it.</summary>
    public static string BytesEach(double? bytes) => bytes is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + " B" : "–";

    /// <summary>One line of what the windows cost: the GC heap, the resident set and Redis, before → after, and per window.</summary>
    public static string FootprintLine(Measurement.FootprintReport f) =>
        $"{Count(f.Windows)} windows; api GC heap {Bytes(f.Before.GcHeapBytes)} → {Bytes(f.After.GcHeapBytes)} ({BytesEach(f.GcHeapBytesPerWindow)} per window); "
        + $"api RSS {Bytes(f.Before.ResidentBytes)} → {Bytes(f.After.ResidentBytes)} ({BytesEach(f.ResidentBytesPerWindow)} per window)"
        + (f.RedisAfter is { } after
            ? $"; Redis used_memory {Bytes(f.RedisBefore?.UsedMemoryBytes)} → {Bytes(after.UsedMemoryBytes)} ({BytesEach(f.RedisBytesPerWindow)} per window), keys {Count(f.RedisBefore?.Keys ?? 0)} → {Count(after.Keys)}"
            : "; Redis not given")
        + (f.AfterIdle is { } idle
            ? $". After {f.IdleSeconds:0} s idle: api GC heap {Bytes(idle.GcHeapBytes)} ({BytesEach(f.IdleGcHeapBytesPerWindow)} per window), "
                + $"RSS {Bytes(idle.ResidentBytes)} ({BytesEach(f.IdleResidentBytesPerWindow)} per window)"
                + (f.RedisAfterIdle is { } redis ? $", Redis {Bytes(redis.UsedMemoryBytes)} ({BytesEach(f.IdleRedisBytesPerWindow)} per window)" : "")
            : "");

    public static string Outcome(string status, string reason) => reason.Length == 0 ? status : $"{status} {reason}";

    /// <summary>Redis CPU µs, bytes in and AOF bytes per ok item, for the Redis table's cells.</summary>
    public static string[] RedisCells(Measurement.ScenarioResult s) =>
    [
        s.RedisCpuMicrosecondsPerOkItem is { } cpu ? Micros(cpu) : "–",
        BytesEach(s.RedisBytesInPerOkItem),
        s.AofBytesPerOkItem is { } aof ? BytesEach(aof)
            : s.Redis?.AofNotMeasuredBecause == Measurement.RedisUsage.AofOff ? "AOF off"
            : s.Redis is null ? "–" : "not measured",
        s.Redis is { } redis
            ? $"{(redis.CpuSeconds is { } seconds ? seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "–")} / {ByteCount(redis.BytesIn)} / {ByteCount(redis.AofBytes)}"
            : "–",
    ];

    /// <summary>Why a scenario's AOF growth was not measured, when it was on (a rewrite, a missing field).</summary>
    public static string? AofNote(Measurement.ScenarioResult s) =>
        s.Redis?.AofNotMeasuredBecause is { } why && why != Measurement.RedisUsage.AofOff ? $"{s.Scenario}: AOF not measured: {why}" : null;

    /// <summary>pacing: the busiest second at Meta against the limit, then one PASS/FAIL line for the three conditions.</summary>
    public static IReadOnlyList<string> PacingLines(string scenario, Measurement.PacingVerdict v)
    {
        var arrivals = v.ArrivalsNotCheckedBecause is { } why
            ? $"{scenario}: arrivals at Meta not checked: {why}"
            : $"{scenario}: busiest second at Meta: {Count(v.BusiestSecond)} (limit {Count(v.ThroughputPerSecond)}), over the {Count(v.ArrivalsInMeasurement)} arrivals from the start of the measurement "
                + $"({Count(v.ArrivalsReceived)} received by the simulator, {Count(v.ArrivalsKept)} kept; its busiest second over the whole log, warm-up included: {Count(v.SimulatorBusiestSecond)})"
                + (v.FirstArrivalAfterFirstIntendedMs is { } first ? $"; first arrival {Millis(first)} ms after the first intended send" : "");
        var verdict = v.Passed switch { true => "PASS", false => "FAIL", null => "NOT DECIDED" };
        return
        [
            arrivals,
            $"{scenario}: {verdict} at {Rate(v.RatePerSecond)}/s: none refused: {Met(v.NoneRefused)} ({Count(v.Refused)} of {Count(v.Sends)} sends refused); "
                + $"none early: {Met(v.NoneEarly)} ({Count(v.EarlyArrivals)} arrivals ahead of the schedule); "
                + $"at most {Count(v.ThroughputPerSecond)} in any one second: {Met(v.WithinThroughput)} (busiest {Count(v.BusiestSecond)})",
        ];
    }

    private static string Met(bool? condition) => condition switch { true => "yes", false => "NO", null => "unknown" };

    private static string Count(long? count) => count is { } value ? Count(value) : "–";

    private static string ByteCount(long? bytes) => bytes is { } value ? Count(value) + " B" : "–";
}
