using Conversations.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>
/// Authentication (JWT bearer, or development mode) and authorization (one policy per scope; every other endpoint
/// needs an authenticated caller unless it allows anonymous ones, as health checks and Meta's webhooks do).
/// </summary>
public static class AuthServices
{
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication()
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<AuthOptions>>((authentication, auth) =>
            authentication.DefaultScheme = auth.Value.IsConfigured ? JwtBearerDefaults.AuthenticationScheme : DevelopmentAuthenticationHandler.SchemeName);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((bearer, auth) =>
        {
            if (auth.Value.IsConfigured)
            {
                JwtBearerSetup.Apply(bearer, auth.Value);
            }
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NumberOwners>();
        services.AddSingleton<CallerAccess>();
        services.AddHostedService<AuthModeAnnouncement>();
        return services;
    }
}
