using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// The one place the Redis client's options are made, for Orleans' clustering, storage and reminder providers and for
/// <see cref="ServiceRedis"/> alike. StackExchange.Redis by default queues a command while it is disconnected and gives up
/// after 5 s, so with redis-server gone every call hung about 6 s; here a command fails at once when no connection is up,
/// and after <c>timeout</c> when Redis does not answer, so a caller hears UNAVAILABLE within about that time.
/// </summary>
public static class RedisClientOptions
{
    public static ConfigurationOptions Parse(string connectionString, TimeSpan timeout)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var milliseconds = (int)timeout.TotalMilliseconds;
        // A timeout the connection string states wins: an operator who wrote syncTimeout= meant it.
        if (!States(connectionString, "connectTimeout"))
        {
            options.ConnectTimeout = milliseconds;
        }

        if (!States(connectionString, "syncTimeout"))
        {
            options.SyncTimeout = milliseconds;
        }

        if (!States(connectionString, "asyncTimeout"))
        {
            options.AsyncTimeout = options.SyncTimeout;
        }

        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    private static bool States(string connectionString, string key) =>
        connectionString.Contains(key + "=", StringComparison.OrdinalIgnoreCase);
}
