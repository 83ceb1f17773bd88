using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// The one Redis connection a silo opens for the stores it writes itself (message logs, usage counters, event feeds),
/// beside the ones Orleans' providers open. Every key it names starts with the ServiceId, as the providers' keys do,
/// so services sharing a Redis never read each other's data.
/// </summary>
public sealed class ServiceRedis : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    /// <param name="configuration">From <see cref="RedisClientOptions"/>, as the providers' are.</param>
    public ServiceRedis(ConfigurationOptions configuration, IOptions<ClusterOptions> cluster)
    {
        var options = configuration.Clone();
        options.AbortOnConnectFail = false;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));
        Prefix = cluster.Value.ServiceId + "/";
    }

    /// <summary>What every key starts with: the ServiceId and a slash.</summary>
    public string Prefix { get; }

    public async ValueTask<IDatabase> Database() => (await _connection.Value).GetDatabase();

    /// <summary>A key of this service: <c>{ServiceId}/{kind}/{id}</c>.</summary>
    public RedisKey Key(string kind, string id) => $"{Prefix}{kind}/{id}";

    /// <summary>
    /// Appends <paramref name="values"/> to the list at <paramref name="key"/> with one RPUSH and trims it to its newest
    /// <paramref name="capacity"/> once it has grown a quarter past them, so trimming is rare.
    /// </summary>
    public async Task AppendCapped(RedisKey key, RedisValue[] values, int capacity)
    {
        var database = await Database();
        var length = await database.ListRightPushAsync(key, values);
        if (length > capacity + (capacity / 4))
        {
            // Losing a trim loses nothing: the next append past the bound trims again, and reads take only the newest.
            _ = database.ListTrimAsync(key, -capacity, -1, CommandFlags.FireAndForget);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
