using Conversations.Auth;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Auth;

/// <summary>
/// Checks "Conversations:Auth" at start-up. Without it the api runs in development mode (every caller is an
/// administrator of every WABA), which is allowed only where nobody else can call: every endpoint on loopback and no
/// Redis (a shared, durable cluster is never a development one).
/// </summary>
public sealed class AuthOptionsValidator(IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    private const string KeySettings = $"{AuthOptions.Section}:SigningKey or {AuthOptions.Section}:Jwks (or {AuthOptions.Section}:ClientCertificates)";

    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        options.IsConfigured ? ValidateConfigured(options) : ValidateDevelopmentMode();

    private ValidateOptionsResult ValidateDevelopmentMode()
    {
        if (ListenAddresses.FirstNonLoopback(configuration) is { } exposed)
        {
            return ValidateOptionsResult.Fail(
                $"{KeySettings} is required: the api listens beyond loopback ({exposed}), and without authentication anyone who reaches it could act for every WABA.");
        }

        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            return ValidateOptionsResult.Fail(
                $"{KeySettings} is required: ConnectionStrings:Redis is set, and a durable cluster never runs in development mode without authentication.");
        }

        return ValidateOptionsResult.Success;
    }

    private ValidateOptionsResult ValidateConfigured(AuthOptions options)
    {
        var failures = new List<string>();
        if (options.HasBearer)
        {
            ValidateBearer(options, failures);
        }

        if (options.ClientCertificates.IsConfigured)
        {
            ValidateCertificates(options.ClientCertificates, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateCertificates(ClientCertificateOptions certificates, List<string> failures)
    {
        const string Section = $"{AuthOptions.Section}:ClientCertificates";
        if (!string.IsNullOrWhiteSpace(certificates.Authorities) && !File.Exists(certificates.Authorities))
        {
            failures.Add($"{Section}:Authorities: no PEM file at '{certificates.Authorities}'.");
        }

        for (var i = 0; i < certificates.Callers.Count; i++)
        {
            var caller = certificates.Callers[i];
            var at = $"{Section}:Callers:{i}";
            if (caller.NormalizedThumbprint.Length != 64 || !caller.NormalizedThumbprint.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{at}:Thumbprint must be the certificate's SHA-256 thumbprint: 64 hex digits.");
            }

            if (string.IsNullOrWhiteSpace(caller.Name))
            {
                failures.Add($"{at}:Name is required: who the caller is, for logs.");
            }

            if (caller.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var scopes && (scopes.Length == 0 || scopes.Any(s => !Scopes.All.Contains(s))))
            {
                failures.Add($"{at}:Scopes must list one or more of {string.Join(", ", Scopes.All)}, space-separated.");
            }

            if (string.IsNullOrWhiteSpace(caller.WabaIds) && string.IsNullOrWhiteSpace(caller.PortfolioIds))
            {
                failures.Add($"{at}: WabaIds or PortfolioIds is required: the WABAs the caller acts for.");
            }
        }

        if (certificates.Callers.GroupBy(c => c.NormalizedThumbprint).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            failures.Add($"{Section}:Callers lists the thumbprint {twice.Key} more than once.");
        }

        if (!configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(AsksForClientCertificates))
        {
            failures.Add($"{Section} is set, but no Kestrel endpoint asks for client certificates: give an https:// endpoint ClientCertificateMode AllowCertificate or RequireCertificate.");
        }
    }

    private static bool AsksForClientCertificates(IConfigurationSection endpoint) =>
        endpoint["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true
        && endpoint["ClientCertificateMode"] is { } mode
        && (mode.Equals("AllowCertificate", StringComparison.OrdinalIgnoreCase) || mode.Equals("RequireCertificate", StringComparison.OrdinalIgnoreCase));

    private static void ValidateBearer(AuthOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{AuthOptions.Section}:Issuer is required: the iss every token must carry.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{AuthOptions.Section}:Audience is required: the aud every token must carry.");
        }

        var hasJwks = !string.IsNullOrWhiteSpace(options.Jwks);
        var hasKey = !string.IsNullOrEmpty(options.SigningKey);
        if (hasJwks == hasKey)
        {
            failures.Add($"Exactly one of {AuthOptions.Section}:SigningKey and {AuthOptions.Section}:Jwks is required.");
        }

        if (hasKey && System.Text.Encoding.UTF8.GetByteCount(options.SigningKey) < DevelopmentToken.MinimumKeyBytes)
        {
            failures.Add($"{AuthOptions.Section}:SigningKey must be at least {DevelopmentToken.MinimumKeyBytes} bytes (HS256).");
        }

        if (hasJwks && options.JwksIsUrl && !options.Jwks.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{AuthOptions.Section}:Jwks must be an https:// URL or a file path: keys fetched over plain http could be swapped.");
        }

        if (hasJwks && !options.JwksIsUrl && JwksFileProblem(options.Jwks) is { } problem)
        {
            failures.Add($"{AuthOptions.Section}:Jwks: {problem}");
        }
    }

    private static string? JwksFileProblem(string path)
    {
        if (!File.Exists(path))
        {
            return $"no JWKS file at '{path}'.";
        }

        try
        {
            return JwtBearerSetup.JwksFile(path).Count == 0 ? $"'{path}' holds no signing key." : null;
        }
        catch (ArgumentException)
        {
            return $"'{path}' is not a JWKS document.";
        }
    }
}
