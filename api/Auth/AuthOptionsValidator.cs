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
    private const string KeySettings = $"{AuthOptions.Section}:SigningKey or {AuthOptions.Section}:Jwks";

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

    private static ValidateOptionsResult ValidateConfigured(AuthOptions options)
    {
        var failures = new List<string>();
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
