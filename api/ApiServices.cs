using Microsoft.Extensions.DependencyInjection.Extensions;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.RateLimiting;
using Conversations.Api.Services;
using Conversations.Api.Streaming;
using Conversations.Api.Webhooks;

namespace Conversations.Api;

public static class ApiServices
{
    /// <summary>Whether gRPC server reflection is served: unset, on in the Development environment and in <see cref="LocalDevelopmentMode"/>.</summary>
    public const string ReflectionSetting = "Conversations:Api:Reflection";

    public static IServiceCollection AddConversationsApi(this IServiceCollection services)
    {
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ClusterFailureInterceptor>();
            // Generous for a 4,096-character text plus template parameters; stops a client from making us buffer megabytes.
            o.MaxReceiveMessageSize = 256 * 1024;
        });
        services.AddGrpcReflection();
        services.AddCallerAuthentication();
        services.AddCallerRateLimits();
        services.TryAddSingleton<Abstractions.Grains.GrainReferences>();
        services.AddSingleton<Identity.CustomerDirectory>();
        services.AddGrpcHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
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
        // The same checks over HTTP/1.1, for container probes that have no gRPC client.
        app.MapHealthChecks("/healthz").AllowAnonymous();
        if (ServesReflection(app))
        {
            app.MapGrpcReflectionService();
        }

        app.MapWhatsAppWebhooks();
        return app;
    }

    /// <summary>Reflection hands anyone who can connect the whole contract, so it is off where others can connect, unless asked for.</summary>
    private static bool ServesReflection(WebApplication app) =>
        app.Configuration.GetValue<bool?>(ReflectionSetting)
        ?? (app.Environment.IsDevelopment() || LocalDevelopmentMode.Applies(app.Configuration));
}
