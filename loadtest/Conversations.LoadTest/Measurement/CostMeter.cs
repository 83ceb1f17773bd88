namespace Conversations.LoadTest.Measurement;

/// <summary>
/// What one measurement cost outside the load tester: the server's CPU (<see cref="CpuMeter"/>) and, given the api's
/// Redis, what Redis spent (INFO read right after each CPU reading, so both cover the same span).
/// </summary>
public sealed class CostMeter
{
    private readonly CpuMeter _cpu;
    private readonly ApiRedis? _redis;
    private readonly RedisInfo? _redisAtStart;

    private CostMeter(CpuMeter cpu, ApiRedis? redis, RedisInfo? redisAtStart)
    {
        _cpu = cpu;
        _redis = redis;
        _redisAtStart = redisAtStart;
    }

    public static async Task<CostMeter> StartAsync(int? serverPid, ApiRedis? redis)
    {
        var cpu = CpuMeter.Start(serverPid);
        return new CostMeter(cpu, redis, redis is null ? null : await redis.InfoAsync());
    }

    public async Task<MeasuredCost> StopAsync()
    {
        var cpu = _cpu.Stop();
        var redis = _redis is not null && _redisAtStart is not null ? RedisUsage.Between(_redisAtStart, await _redis.InfoAsync()) : null;
        return new MeasuredCost(cpu, redis);
    }
}
