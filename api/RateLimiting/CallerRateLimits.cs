using System.Threading.RateLimiting;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Grains.Sending;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using V1 = Conversations.V1;

namespace Conversations.Api.RateLimiting;

/// <summary>
/// Per-caller rate limits on the conversations.v1 services: ASP.NET Core's rate limiting middleware over one token bucket
/// per caller. A call beyond its caller's rate gets a gRPC status, RESOURCE_EXHAUSTED RATE_LIMITED with retry_after,
/// instead of the middleware's bare HTTP 503, which a gRPC client reads as UNAVAILABLE. Health checks, reflection and
/// Meta's webhooks are never limited. A stream is one call, counted when it opens: each StreamSends item is still paced
/// by its number and asks its WABA's quotas, and a stream holds at most Conversations:Streaming:MaxSendsInFlight.
/// </summary>
public static class CallerRateLimits
{
    /// <summary>The package of the services limited; "grpc.health.v1" and "grpc.reflection" are not in it.</summary>
    private static readonly string s_limitedPackage = V1.ConversationsReflection.Descriptor.Package + ".";

    public static IServiceCollection AddCallerRateLimits(this IServiceCollection services)
    {
        const string section = CallerRateLimitOptions.Section;
        services.AddOptions<CallerRateLimitOptions>()
            .BindConfiguration(section)
            .Validate(o => o.PermitsPerSecond is >= 1 and <= CallerRateLimitOptions.MaxPermits, $"{section}:PermitsPerSecond must be 1 to 1,000,000 calls per second.")
            .Validate(o => o.Burst >= o.PermitsPerSecond && o.Burst <= CallerRateLimitOptions.MaxPermits, $"{section}:Burst must be at least {section}:PermitsPerSecond and at most 1,000,000.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CallerRateLimitOptions>>((limiter, options) =>
        {
            var limits = options.Value;
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => CallerOf(context) is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter(caller, _ => bucket)
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = (rejected, _) =>
            {
                GrpcTrailersOnly.Write(rejected.HttpContext.Response, RateLimited(rejected.Lease, limits).ToStatus());
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Whose bucket a call takes from: its token's subject (or client id); in development mode, where every call is the
    /// same administrator, and for a token naming no caller, its remote address. Null for a call that is not limited.
    /// The middleware runs after authorization, so a call without a valid token is refused before it takes anything.
    /// </summary>
    public static string? CallerOf(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc
            || !grpc.Method.ServiceName.StartsWith(s_limitedPackage, StringComparison.Ordinal))
        {
            return null;
        }

        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: not DevelopmentAuthenticationHandler.SchemeName }
            && Caller.IdOf(context.User) is { Length: > 0 } caller)
        {
            return caller;
        }

        return $"address:{context.Connection.RemoteIpAddress}";
    }

    private static Refusal RateLimited(RateLimitLease lease, CallerRateLimitOptions limits)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        return Refusal.Of(
            RefusalReason.RateLimited,
            $"This caller made more calls than its {limits.PermitsPerSecond} a second (bursts of {limits.Burst}); retry after {AudiencePolicy.Seconds(retryAfter)} s.",
            ("retry_after", AudiencePolicy.Seconds(retryAfter)));
    }
}
