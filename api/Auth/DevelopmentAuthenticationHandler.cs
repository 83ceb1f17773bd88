using System.Security.Claims;
using System.Text.Encodings.Web;
using Conversations.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>
/// Development mode: with no Conversations:Auth, on loopback and without Redis, every call is an administrator of every
/// WABA, so the two-command start and its walkthroughs need no token. Any token sent is ignored.
/// </summary>
public sealed class DevelopmentAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";

    private static readonly AuthenticationTicket Everything = new(
        new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim("sub", "development"),
                new Claim(CallerClaims.Scope, string.Join(' ', Scopes.All)),
                new Claim(CallerClaims.WabaIds, CallerClaims.Any),
                new Claim(CallerClaims.PortfolioIds, CallerClaims.Any),
            ],
            SchemeName)),
        SchemeName);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.Success(Everything));
}
