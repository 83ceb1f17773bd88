using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conversations.Auth;
using Microsoft.AspNetCore.Authentication.Certificate;

namespace Conversations.Api.Auth;

/// <summary>Certificate authentication as "Conversations:Auth:ClientCertificates" says: listed thumbprints only, each with its claims.</summary>
public static class ClientCertificateSetup
{
    /// <summary>What a presented certificate that is valid but not listed fails with; mapped to its refusal's message.</summary>
    public sealed class NotListedException() : Exception("The client certificate is not one this api lets in.");

    public static void Apply(CertificateAuthenticationOptions certificate, ClientCertificateOptions options)
    {
        certificate.AllowedCertificateTypes = CertificateTypes.All;
        certificate.ValidateCertificateUse = true;
        certificate.ValidateValidityPeriod = true;
        // Each certificate is let in by its thumbprint, not by who issued it: revoking one is deleting its line.
        certificate.RevocationMode = X509RevocationMode.NoCheck;
        if (!string.IsNullOrWhiteSpace(options.Authorities))
        {
            certificate.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
            certificate.CustomTrustStore.ImportFromPemFile(options.Authorities);
        }

        var callers = options.Callers.ToDictionary(c => c.NormalizedThumbprint, StringComparer.Ordinal);
        certificate.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                if (!callers.TryGetValue(context.ClientCertificate.GetCertHashString(HashAlgorithmName.SHA256), out var caller))
                {
                    context.Fail(new NotListedException());
                    return Task.CompletedTask;
                }

                context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                    [
                        new Claim("sub", caller.Name),
                        new Claim(CallerClaims.Scope, caller.Scopes),
                        new Claim(CallerClaims.WabaIds, caller.WabaIds),
                        new Claim(CallerClaims.PortfolioIds, caller.PortfolioIds),
                    ],
                    CertificateAuthenticationDefaults.AuthenticationScheme,
                    "sub",
                    null));
                context.Success();
                return Task.CompletedTask;
            },
        };
    }
}
