namespace Conversations.Api.Auth;

/// <summary>
/// Mutual TLS: each caller is one client certificate, named by its SHA-256 thumbprint, with what it may do. The TLS
/// handshake proves the caller holds the certificate's key; ASP.NET Core's certificate authentication checks its
/// validity period, its use (client authentication) and its chain (self-signed, or issued by <see cref="Authorities"/>
/// or the system's roots); then only a listed thumbprint is let in. Bound from "Conversations:Auth:ClientCertificates".
/// </summary>
public sealed class ClientCertificateOptions
{
    /// <summary>An optional PEM file of the CA certificates that issue client certificates; without it, the system's roots.</summary>
    public string Authorities { get; set; } = "";

    public List<CertificateCaller> Callers { get; set; } = [];

    public bool IsConfigured => Callers.Count > 0;
}

/// <summary>One client certificate and what its holder may do, as a bearer token's claims would say it.</summary>
public sealed class CertificateCaller
{
    /// <summary>The certificate's SHA-256 thumbprint, hex (64 digits; case and colons ignored).</summary>
    public string Thumbprint { get; set; } = "";

    /// <summary>Who the caller is, for logs: the <c>sub</c> a token would carry.</summary>
    public string Name { get; set; } = "";

    /// <summary>Space-separated scopes, as the <c>scope</c> claim.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Space-separated WABA ids, or <c>*</c> with the admin scope.</summary>
    public string WabaIds { get; set; } = "";

    /// <summary>Space-separated portfolio ids.</summary>
    public string PortfolioIds { get; set; } = "";

    /// <summary>The thumbprint as <see cref="System.Security.Cryptography.X509Certificates.X509Certificate2.GetCertHashString(System.Security.Cryptography.HashAlgorithmName)"/> writes it.</summary>
    public string NormalizedThumbprint => Thumbprint.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
