using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Conversations.Meta;

/// <summary>Fails start-up on a setting that would make every send fail or hang, naming each bad key at once.</summary>
public sealed partial class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = MetaOptions.Section;
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            errors.Add($"{section}:AccessToken is required to call the Cloud API; it may be left empty only where the host substitutes the local Meta simulator.");
        }

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("http" or "https"))
        {
            errors.Add($"{section}:GraphBaseUrl must be an absolute http(s) URL, e.g. https://graph.facebook.com.");
        }

        if (options.ApiVersion is null || !ApiVersion().IsMatch(options.ApiVersion))
        {
            errors.Add($"{section}:ApiVersion must look like v25.0.");
        }

        if (!GraphHttpVersion.IsValid(options.HttpVersion))
        {
            errors.Add($"{section}:HttpVersion must be {GraphHttpVersion.Http11}, {GraphHttpVersion.Http2} (HTTP/2 over TLS, falling back to 1.1) or {GraphHttpVersion.H2c} (HTTP/2 without TLS, to a plain-http simulator); '{options.HttpVersion}' is none of them.");
        }
        else if (options.HttpVersion == GraphHttpVersion.H2c && graph?.Scheme == Uri.UriSchemeHttps)
        {
            errors.Add($"{section}:HttpVersion {GraphHttpVersion.H2c} is HTTP/2 without TLS, but GraphBaseUrl {options.GraphBaseUrl} is https: use {GraphHttpVersion.Http2} there, which TLS negotiates.");
        }

        Positive(options.ConnectTimeout, "ConnectTimeout");
        Positive(options.AttemptTimeout, "AttemptTimeout");
        Positive(options.TotalTimeout, "TotalTimeout");
        Positive(options.MaxRetryDelay, "MaxRetryDelay");
        if (options.ConnectTimeout >= options.AttemptTimeout)
        {
            // Otherwise a slow connect would be cut by the attempt timeout and read as "may have reached Meta".
            errors.Add($"{section}:ConnectTimeout must be shorter than AttemptTimeout.");
        }

        Retries(options.TransientRetries, "TransientRetries");
        Retries(options.RateLimitedRetries, "RateLimitedRetries");
        if (options.TransientBaseDelay < TimeSpan.Zero || options.RateLimitedBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{section}:TransientBaseDelay and RateLimitedBaseDelay must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{section}:{key} must be positive.");
            }
        }

        void Retries(int value, string key)
        {
            if (value is < 0 or > 10)
            {
                errors.Add($"{section}:{key} must be between 0 and 10.");
            }
        }
    }

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex ApiVersion();
}
