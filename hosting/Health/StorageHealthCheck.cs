using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Hosting.Health;

/// <summary>
/// Healthy while Redis answers a PING on the connection the message log, event feeds and dead letters share: an
/// activation already in memory answers the cluster check even with its storage gone, so readiness asks storage itself.
/// </summary>
public sealed class StorageHealthCheck(ServiceRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await redis.Database();
            var latency = await database.PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", e);
        }
    }
}
