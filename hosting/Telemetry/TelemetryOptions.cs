using System.ComponentModel.DataAnnotations;

namespace Conversations.Hosting.Telemetry;

/// <summary>
/// What the process tells operators, bound from "Conversations:Telemetry". Off means free: with traces off no span is
/// created and Orleans propagates no trace context; with metrics off no instrument has a listener, and every recording
/// site returns before it builds a tag.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Conversations:Telemetry";

    /// <summary>The standard variable the OTLP exporter also reads; its value is the endpoint when <see cref="OtlpEndpoint"/> is unset.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Where traces and metrics are exported over OTLP (gRPC on 4317 by default; OTEL_EXPORTER_OTLP_PROTOCOL picks http/protobuf). Unset: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Whether spans are recorded: unset, on exactly when an OTLP endpoint is configured.</summary>
    public bool? Traces { get; set; }

    /// <summary>The share of new traces recorded (a trace a caller already samples is always recorded).</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>Whether the meters are listened to at all: the Prometheus endpoint and the OTLP metric export.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Whether <c>/metrics</c> is served on the HTTP port: unset, on in the api (behind the admin scope) and off in a silo,
    /// which authenticates nobody; a silo's metrics go over OTLP.
    /// </summary>
    public bool? Prometheus { get; set; }
}
