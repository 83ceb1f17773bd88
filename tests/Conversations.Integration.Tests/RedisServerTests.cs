using System.Net;
using System.Net.Sockets;
using Conversations.Testing;
using StackExchange.Redis;

namespace Conversations.Integration.Tests;

/// <summary>The redis-server helper the failure tests rely on: a restart keeps the port, and keeps data only with AOF.</summary>
public sealed class RedisServerTests
{
    [Fact]
    public async Task A_restart_keeps_the_port_and_with_append_only_the_data()
    {
        var redis = await RedisServer.Start(appendOnly: true);
        var port = redis.Port;
        var directory = redis.DataDirectory;
        await using (var before = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await before.GetDatabase().StringSetAsync("window", "open");
        }

        await redis.Restart();

        Assert.Equal(port, redis.Port);
        await using (var after = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            Assert.Equal("open", (string?)await after.GetDatabase().StringGetAsync("window"));
        }

        await redis.DisposeAsync();
        Assert.False(Directory.Exists(directory));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Without_append_only_a_restart_loses_everything()
    {
        await using var redis = await RedisServer.Start();
        await using (var before = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            await before.GetDatabase().StringSetAsync("window", "open");
        }

        await redis.Restart();

        await using var after = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.False(await after.GetDatabase().KeyExistsAsync("window"));
    }
}
