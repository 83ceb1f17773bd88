namespace Conversations.LoadTest.Measurement;

/// <summary>
/// What N open windows cost to keep: the api's GC heap and resident set, each after an induced full GC, before and
/// after opening them, and Redis's used_memory when the api stores there. Divided by the windows opened. Right after
/// opening, every conversation is still activated; the optional third reading, after the windows sat idle, shows
/// them with idle activations collected: what a window costs while nobody writes, i.e. most of its 24 hours.
/// </summary>
public sealed record FootprintReport(
    long Windows,
    HeapSnapshot Before,
    HeapSnapshot After,
    RedisMemory? RedisBefore,
    RedisMemory? RedisAfter,
    double IdleSeconds = 0,
    HeapSnapshot? AfterIdle = null,
    RedisMemory? RedisAfterIdle = null)
{
    public double? IdleGcHeapBytesPerWindow => Per(Before.GcHeapBytes, AfterIdle?.GcHeapBytes);

    public double? IdleResidentBytesPerWindow => Per(Before.ResidentBytes, AfterIdle?.ResidentBytes);

    public double? IdleRedisBytesPerWindow => Per(RedisBefore?.UsedMemoryBytes, RedisAfterIdle?.UsedMemoryBytes);

    public double? GcHeapBytesPerWindow => Per(Before.GcHeapBytes, After.GcHeapBytes);

    public double? ResidentBytesPerWindow => Per(Before.ResidentBytes, After.ResidentBytes);

    public double? RedisBytesPerWindow => Per(RedisBefore?.UsedMemoryBytes, RedisAfter?.UsedMemoryBytes);

    private double? Per(long? before, long? after) =>
        before is { } b && after is { } a && Windows > 0 ? Math.Round((double)(a - b) / Windows, 1) : null;
}
