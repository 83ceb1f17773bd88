using Conversations.Abstractions.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Hosting.Health;

/// <summary>Healthy only when a grain call round-trips, so a load balancer never routes to an api cut off from its cluster.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reading a business number that never exists touches no storage beyond one activation.
            await grains.GetGrain<IBusinessNumberGrain>("0").GetWabaId(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster did not answer.", e);
        }
    }
}
