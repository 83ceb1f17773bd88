using Microsoft.Extensions.DependencyInjection.Extensions;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.RateLimiting;
using Conversations.Api.Services;
using Conversations.Api.Streaming;
using Conversations.Api.Webhooks;
using Conversations.Auth;
using Conversations.Hosting.Health;
using Conversations.Hosting.Telemetry;
using Orleans.Dashboard;

namespace Conversations.Api;

public static class ApiServices
{
    /// <summary>Whether gRPC server reflection is served: unset, on in the Development environment and in <see cref="LocalDevelopmentMode"/>.</summary>
    public const string ReflectionSetting = "Conversations:Api:Reflection";

    public static IServiceCollection AddConversationsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ClusterFailureInterceptor>();
            // Inside the cluster-failure translation: only what a service refused reaches it.
            o.Interceptors.Add<RefusalLogInterceptor>();
            // Generous for a 4,096-character text plus template parameters; stops a client from making us buffer megabytes.
            o.MaxReceiveMessageSize = 256 * 1024;
        });
        services.AddGrpcReflection();
        services.TryAddSingleton<RefusalLog>();
        services.AddCallerAuthentication();
        services.AddCallerRateLimits();
        services.TryAddSingleton<Abstractions.Grains.GrainReferences>();
        services.AddSingleton<Identity.CustomerDirectory>();
        services.AddGrpcHealthChecks().AddConversationsReadiness(configuration);
        services.AddWhatsAppWebhooks();
        services.AddConversationStreams();
        return services;
    }

    public static WebApplication MapConversationsApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: a call without a valid token is refused before it takes from anyone's rate.
        app.UseRateLimiter();
        app.MapGrpcService<ConversationsService>();
        app.MapConversationStreams();
        app.MapGrpcService<TemplatesService>();
        app.MapGrpcService<BusinessNumbersService>();
        app.MapGrpcService<UsageService>();
        // Probes carry no token; health says only whether the cluster answers.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        // The same checks over HTTP/1.1, for container probes that have no gRPC client, and liveness apart.
        app.MapConversationsHealth();
        if (ServesReflection(app))
        {
            app.MapGrpcReflectionService();
        }

        app.MapWhatsAppWebhooks();
        // Metrics name portfolios: an administrator's to read. In development mode every caller is one.
        app.MapConversationsMetrics(Scopes.Admin);
        if (OperatorDashboard.Enabled(app.Configuration, app.Environment))
        {
            // The same rule as /metrics: the dashboard shows every tenant's grains.
            app.MapOrleansDashboard(OperatorDashboard.Path).RequireAuthorization(Scopes.Admin);
        }

        // Its instruments observe the stream caps; nothing else asks for it.
        app.Services.GetRequiredService<StreamMetrics>();
        return app;
    }

    /// <summary>Reflection hands anyone who can connect the whole contract, so it is off where others can connect, unless asked for.</summary>
    private static bool ServesReflection(WebApplication app) =>
        app.Configuration.GetValue<bool?>(ReflectionSetting)
        ?? (app.Environment.IsDevelopment() || LocalDevelopmentMode.Applies(app.Configuration));
}
