using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Conversations.Api.Auth;

/// <summary>
/// Which way a request's caller is authenticated: development mode when nothing is configured; its client certificate
/// when certificate callers are configured and it presents one without a bearer token; else its bearer token.
/// </summary>
public static class CallerSchemes
{
    /// <summary>The default scheme: it forwards each request to the one <see cref="For"/> picks.</summary>
    public const string Caller = "Caller";

    public static string For(HttpContext context, AuthOptions auth)
    {
        if (!auth.IsConfigured)
        {
            return DevelopmentAuthenticationHandler.SchemeName;
        }

        var presentsCertificate = context.Connection.ClientCertificate is not null && !context.Request.Headers.ContainsKey("authorization");
        return auth.ClientCertificates.IsConfigured && (presentsCertificate || !auth.HasBearer)
            ? CertificateAuthenticationDefaults.AuthenticationScheme
            : JwtBearerDefaults.AuthenticationScheme;
    }
}
