using Microsoft.Extensions.Configuration;

namespace Conversations.Hosting;

/// <summary>Where grain state, reminders and membership live.</summary>
public sealed record ClusterStorage(string? RedisConnectionString)
{
    public bool IsDurable => RedisConnectionString is not null;

    public static ClusterStorage From(IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        return new ClusterStorage(string.IsNullOrWhiteSpace(redis) ? null : redis);
    }
}
