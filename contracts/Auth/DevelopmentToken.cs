using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Auth;

/// <summary>
/// Mints an HS256 bearer token with the symmetric key an api is configured with (Conversations:Auth:SigningKey), for
/// development and tests. Production tokens come from the identity provider whose JWKS the api trusts.
/// </summary>
public static class DevelopmentToken
{
    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    public static SymmetricSecurityKey Key(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public static string Mint(
        string signingKey,
        string issuer,
        string audience,
        IEnumerable<string> scopes,
        IEnumerable<string> wabaIds,
        IEnumerable<string> portfolioIds,
        DateTimeOffset now,
        TimeSpan lifetime,
        string subject = "development")
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            [CallerClaims.Scope] = string.Join(' ', scopes),
            [CallerClaims.WabaIds] = wabaIds.ToArray(),
            [CallerClaims.PortfolioIds] = portfolioIds.ToArray(),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
