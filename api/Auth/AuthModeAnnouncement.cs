using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>Says at start-up how callers are authenticated, so nobody mistakes development mode for a protected api.</summary>
public sealed class AuthModeAnnouncement(IOptions<AuthOptions> options, ILogger<AuthModeAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (!auth.IsConfigured)
        {
            logger.LogWarning(
                "Development mode: no {Section} is configured, so every gRPC call acts as an administrator of every WABA without a token. Allowed only on loopback without Redis; set {Section}:SigningKey or {Section}:Jwks to require bearer tokens.",
                AuthOptions.Section, AuthOptions.Section, AuthOptions.Section);
        }
        if (auth.HasBearer)
        {
            logger.LogInformation(
                "gRPC calls need a bearer token from {Issuer} for {Audience}, signed by {Keys}",
                auth.Issuer, auth.Audience, string.IsNullOrEmpty(auth.SigningKey) ? auth.Jwks : "the development signing key");
        }

        if (auth.ClientCertificates.IsConfigured)
        {
            logger.LogInformation(
                "gRPC calls may authenticate with one of {Count} listed client certificates (mTLS): {Callers}",
                auth.ClientCertificates.Callers.Count, string.Join(", ", auth.ClientCertificates.Callers.Select(c => c.Name)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
