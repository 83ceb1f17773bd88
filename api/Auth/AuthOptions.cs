namespace Conversations.Api.Auth;

/// <summary>
/// Who may call the gRPC api: bearer tokens from one issuer, for one audience, signed by the keys of a JWKS document
/// (file or https URL) or, for development, by one symmetric key. Bound from "Conversations:Auth".
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Conversations:Auth";

    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Where the signing keys are: a JWKS file path, or an https:// URL of a JWKS document (re-read on an unknown key id).</summary>
    public string Jwks { get; set; } = "";

    /// <summary>An HS256 key (at least 32 bytes of UTF-8) for development and tests; `conversations token` mints with it.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// How long an api process trusts what it last read of a business number's WABA when authorizing calls; a release or
    /// move made through another api process reaches this one within it. Zero reads the number on every call.
    /// </summary>
    public TimeSpan NumberOwnerLifetime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Callers who authenticate with a client certificate (mTLS) instead of a bearer token.</summary>
    public ClientCertificateOptions ClientCertificates { get; set; } = new();

    /// <summary>Whether any bearer token setting is given (all of them are then required).</summary>
    public bool HasBearer =>
        !string.IsNullOrWhiteSpace(Jwks) || !string.IsNullOrWhiteSpace(SigningKey)
        || !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(Audience);

    /// <summary>False when nothing is set: the api then runs in development mode, if it is allowed to (<see cref="AuthOptionsValidator"/>).</summary>
    public bool IsConfigured => HasBearer || ClientCertificates.IsConfigured;

    public bool JwksIsUrl => Uri.TryCreate(Jwks, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
