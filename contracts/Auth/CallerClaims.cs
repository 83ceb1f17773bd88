namespace Conversations.Auth;

/// <summary>The claims a bearer token carries beyond issuer, audience and lifetime.</summary>
public static class CallerClaims
{
    /// <summary>Space-separated <see cref="Scopes"/>.</summary>
    public const string Scope = "scope";

    /// <summary>The WABA ids the caller acts for: a JSON array of strings, or one space-separated string.</summary>
    public const string WabaIds = "waba_ids";

    /// <summary>The business portfolio ids the caller acts for, in the same forms as <see cref="WabaIds"/>.</summary>
    public const string PortfolioIds = "portfolio_ids";

    /// <summary>Every WABA (or portfolio); honoured only together with the <see cref="Scopes.Admin"/> scope.</summary>
    public const string Any = "*";
}
