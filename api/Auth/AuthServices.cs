using Conversations.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>
/// Authentication (JWT bearer, client certificates, or development mode) and authorization (one policy per scope; every other endpoint
/// needs an authenticated caller unless it allows anonymous ones, as health checks and Meta's webhooks do).
/// </summary>
public static class AuthServices
{
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication(CallerSchemes.Caller)
            .AddJwtBearer()
            .AddCertificate()
            .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(CallerSchemes.Caller, null, _ => { });
        services.AddOptions<PolicySchemeOptions>(CallerSchemes.Caller).Configure<IOptions<AuthOptions>>((scheme, auth) =>
            scheme.ForwardDefaultSelector = context => CallerSchemes.For(context, auth.Value));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((bearer, auth) =>
        {
            if (auth.Value.HasBearer)
            {
                JwtBearerSetup.Apply(bearer, auth.Value);
            }
        });
        services.AddOptions<CertificateAuthenticationOptions>(CertificateAuthenticationDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((certificate, auth) =>
        {
            if (auth.Value.ClientCertificates.IsConfigured)
            {
                ClientCertificateSetup.Apply(certificate, auth.Value.ClientCertificates);
            }
        });
        // Kestrel would end the TLS handshake of a certificate no system root vouches for; certificate authentication
        // above judges it instead (listed thumbprint, validity, use, chain), and answers the call with a reason.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<AuthOptions>>((kestrel, auth) =>
        {
            if (auth.Value.ClientCertificates.IsConfigured)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ClientCertificateValidation = (_, _, _) => true);
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
