using StackExchange.Redis;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// The api's Redis as the load tester watches it: one connection for the whole run (INFO is an admin command in
/// StackExchange.Redis), read at the start and end of every measurement.
/// </summary>
public sealed class ApiRedis : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly IServer _server;

    private ApiRedis(ConnectionMultiplexer connection)
    {
        _connection = connection;
        _server = connection.GetServers()[0];
    }

    /// <summary>Null when no connection string was given: the api stores in memory.</summary>
    public static async Task<ApiRedis?> ConnectAsync(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var options = ConfigurationOptions.Parse(connectionString);
        options.AllowAdmin = true;
        return new ApiRedis(await ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <summary>INFO's default sections (server, clients, memory, persistence, stats, cpu, ...) in one round trip.</summary>
    public async Task<RedisInfo> InfoAsync() => RedisInfo.Parse(await _server.InfoRawAsync() ?? "");

    public async Task<RedisMemory> MemoryAsync()
    {
        var info = await InfoAsync();
        return new RedisMemory(info.UsedMemoryBytes ?? 0, await _server.DatabaseSizeAsync());
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
