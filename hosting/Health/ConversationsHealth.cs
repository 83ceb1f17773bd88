using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Hosting.Health;

/// <summary>
/// Liveness and readiness apart, for orchestrators: live while the process serves HTTP at all (a restart would not
/// help anything else); ready once a grain call round-trips through the silo or the cluster client and, where this
/// process holds Redis storage, Redis answers. <c>/healthz</c> stays the readiness check it always was.
/// </summary>
public static class ConversationsHealth
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>The path the README, the examples and older probes use: readiness.</summary>
    public const string LegacyPath = "/healthz";

    /// <summary>Registers the readiness checks on <paramref name="checks"/>: the cluster, and storage where this process is a Redis silo.</summary>
    public static IHealthChecksBuilder AddConversationsReadiness(this IHealthChecksBuilder checks, IConfiguration configuration)
    {
        checks.AddCheck<ClusterHealthCheck>("cluster");
        if (ClusterStorage.From(configuration).IsDurable && HostingSettings.Read(configuration).Mode == HostingMode.Silo)
        {
            checks.AddCheck<StorageHealthCheck>("storage");
        }

        return checks;
    }

    /// <summary>Maps the three paths, open to anyone who reaches the port: they say whether, never what.</summary>
    public static IEndpointRouteBuilder MapConversationsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath).AllowAnonymous();
        app.MapHealthChecks(LegacyPath).AllowAnonymous();
        return app;
    }
}
