using Microsoft.Extensions.Configuration;

namespace Conversations.Hosting.Telemetry;

/// <summary>The telemetry section, read and validated eagerly: Orleans' trace propagation is wired before the options system runs.</summary>
public sealed record TelemetrySettings(Uri? OtlpEndpoint, bool Traces, double TraceSampleRatio, bool Metrics, bool? Prometheus)
{
    public static TelemetrySettings Read(IConfiguration configuration)
    {
        var options = HostingSettings.Validated<TelemetryOptions>(configuration, TelemetryOptions.Section);
        var endpoint = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? configuration[TelemetryOptions.OtlpEndpointVariable] : options.OtlpEndpoint;
        Uri? otlp = null;
        if (!string.IsNullOrWhiteSpace(endpoint)
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out otlp) || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"{TelemetryOptions.Section}:OtlpEndpoint (or {TelemetryOptions.OtlpEndpointVariable}) must be an http or https URL, not '{endpoint}'.");
        }

        return new TelemetrySettings(otlp, options.Traces ?? otlp is not null, options.TraceSampleRatio, options.Metrics, options.Prometheus);
    }
}
