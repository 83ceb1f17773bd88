using Conversations.LoadTest.Measurement;
using Conversations.Testing;
using StackExchange.Redis;

namespace Conversations.LoadTest.Tests;

/// <summary>INFO as a real redis-server answers it, read over the run's one connection.</summary>
public sealed class ApiRedisTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.Start(appendOnly: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Writes_between_two_readings_show_as_bytes_in_and_aof_growth()
    {
        await using var redis = (await ApiRedis.ConnectAsync(_server.ConnectionString))!;
        await using var writer = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        var value = new string('x', 1_000);

        var start = await redis.InfoAsync();
        for (var i = 0; i < 100; i++)
        {
            await writer.GetDatabase().StringSetAsync($"key-{i}", value);
        }

        var usage = RedisUsage.Between(start, await redis.InfoAsync());

        Assert.NotNull(start.CpuSeconds);
        Assert.InRange(usage.BytesIn!.Value, 100 * 1_000, 100 * 1_200);
        Assert.InRange(usage.AofBytes!.Value, 100 * 1_000, 100 * 1_200);
        Assert.Null(usage.AofNotMeasuredBecause);
        Assert.Equal(100, (await redis.MemoryAsync()).Keys);
    }
}
