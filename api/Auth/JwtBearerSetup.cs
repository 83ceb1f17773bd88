using Conversations.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Api.Auth;

/// <summary>JwtBearer as "Conversations:Auth" says: one issuer, one audience, the configured keys, claims as the token names them.</summary>
public static class JwtBearerSetup
{
    public static void Apply(JwtBearerOptions bearer, AuthOptions auth)
    {
        // "scope" and "waba_ids" stay as named, not renamed to Microsoft's long claim types.
        bearer.MapInboundClaims = false;
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(new CachingTokenHandler(TimeProvider.System) { MapInboundClaims = false });
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            NameClaimType = "sub",
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (!string.IsNullOrEmpty(auth.SigningKey))
        {
            bearer.TokenValidationParameters.IssuerSigningKey = DevelopmentToken.Key(auth.SigningKey);
        }
        else if (auth.JwksIsUrl)
        {
            bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                auth.Jwks, new JwksRetriever(), new HttpDocumentRetriever { RequireHttps = true });
        }
        else
        {
            bearer.TokenValidationParameters.IssuerSigningKeys = JwksFile(auth.Jwks);
        }
    }

    public static IList<SecurityKey> JwksFile(string path) => new JsonWebKeySet(File.ReadAllText(path)).GetSigningKeys();
}
