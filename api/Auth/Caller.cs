using System.Security.Claims;
using Conversations.Auth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Conversations.Api.Auth;

/// <summary>
/// What a call's token says about its caller: who it is, its scopes and the WABAs and portfolios it acts for. Each claim
/// may be a JSON array or one space-separated string.
/// </summary>
public sealed class Caller(ClaimsPrincipal user)
{
    private HashSet<string>? _scopes;
    private HashSet<string>? _wabas;
    private HashSet<string>? _portfolios;

    /// <summary>The claims that name a caller, in order: an OAuth client's token may carry a client id and no subject.</summary>
    private static readonly string[] s_idClaims = [JwtRegisteredClaimNames.Sub, "client_id", "azp"];

    /// <summary>
    /// Who the caller is, for what each caller may hold (streams) and spend (its rate): the token's subject, else its
    /// client id, prefixed with the claim that named it; a certificate caller's subject is its configured name. Empty for
    /// a token naming none. Every call in development mode is subject <c>development</c>.
    /// </summary>
    public string Id => IdOf(user);

    public static string IdOf(ClaimsPrincipal user)
    {
        foreach (var claim in s_idClaims)
        {
            if (user.FindFirst(claim)?.Value is { Length: > 0 } id)
            {
                return $"{claim}:{id}";
            }
        }

        return "";
    }

    public bool Has(string scope) => (_scopes ??= Values(CallerClaims.Scope)).Contains(scope);

    /// <summary>A listed WABA, or every WABA for an administrator whose token says "*".</summary>
    public bool ActsForWaba(string wabaId) => ActsFor(_wabas ??= Values(CallerClaims.WabaIds), wabaId);

    /// <summary>
    /// A listed portfolio, or a listed WABA id: a number registered without a portfolio has its WABA as its portfolio,
    /// and Meta's ids never name two objects.
    /// </summary>
    public bool ActsForPortfolio(string portfolioId) =>
        ActsFor(_portfolios ??= Values(CallerClaims.PortfolioIds), portfolioId) || ActsForWaba(portfolioId);

    private bool ActsFor(HashSet<string> listed, string id) =>
        listed.Contains(id) || (listed.Contains(CallerClaims.Any) && Has(Scopes.Admin));

    private HashSet<string> Values(string claimType) =>
        [.. user.FindAll(claimType).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
}
