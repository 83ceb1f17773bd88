using System.Globalization;
using StackExchange.Redis;

namespace Conversations.LoadTest.Measurement;

/// <summary>What the api's Redis holds: INFO memory's used_memory and the key count, for bytes per conversation.</summary>
public sealed record RedisMemory(long UsedMemoryBytes, long Keys)
{
    public static async Task<RedisMemory?> ReadAsync(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var options = ConfigurationOptions.Parse(connectionString);
        // StackExchange.Redis counts INFO as an admin command.
        options.AllowAdmin = true;
        using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServers()[0];
        var used = (await server.InfoAsync("memory"))
            .SelectMany(group => group)
            .First(pair => pair.Key == "used_memory").Value;
        var keys = await server.DatabaseSizeAsync();
        return new RedisMemory(long.Parse(used, CultureInfo.InvariantCulture), keys);
    }
}
