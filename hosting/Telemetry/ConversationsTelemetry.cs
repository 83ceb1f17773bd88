using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conversations.Hosting.Telemetry;

/// <summary>OpenTelemetry for a Conversations process: its own spans and meters, Orleans' grain-call spans, ASP.NET Core and HttpClient.</summary>
public static class ConversationsTelemetry
{
    /// <summary>Every meter of this code base is named "Conversations.{area}": Conversations.Grains, .Meta, .Webhooks, .Streams.</summary>
    public const string Meters = "Conversations.*";

    /// <summary>The activity sources of this code base, named like the meters.</summary>
    public const string Sources = "Conversations.*";

    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' grain-call spans (client and server) and its storage reads and writes.</summary>
    private static readonly string[] s_orleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    /// <summary>
    /// Listens to what <see cref="TelemetrySettings"/> switches on, and nothing else: with traces and metrics off no
    /// OpenTelemetry provider is even registered.
    /// </summary>
    /// <param name="serviceName">service.name of what this process exports.</param>
    /// <param name="prometheusByDefault">Whether <see cref="MetricsPath"/> is served when the settings do not say.</param>
    public static IHostApplicationBuilder AddConversationsTelemetry(this IHostApplicationBuilder builder, string serviceName, bool prometheusByDefault)
    {
        var settings = TelemetrySettings.Read(builder.Configuration);
        settings = settings with { Prometheus = settings.Metrics && (settings.Prometheus ?? prometheusByDefault) };
        builder.Services.AddSingleton(settings);
        var exportsMetrics = settings.Prometheus == true || settings.OtlpEndpoint is not null;
        if (!settings.Traces && !(settings.Metrics && exportsMetrics))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(serviceName));
        if (settings.Traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.TraceSampleRatio)))
                    .AddSource(Sources)
                    .AddSource(s_orleansSources)
                    // Probes and scrapes every few seconds would bury the traces that matter.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperatorPath(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        }

        if (settings.Metrics && exportsMetrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (settings.Prometheus == true)
                {
                    metrics.AddPrometheusExporter();
                }

                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        }

        return builder;
    }

    /// <summary>
    /// Serves <see cref="MetricsPath"/> when the settings say so, to callers the policy admits (none required: everyone
    /// who can reach the port).
    /// </summary>
    public static WebApplication MapConversationsMetrics(this WebApplication app, string? policy = null)
    {
        if (app.Services.GetRequiredService<TelemetrySettings>().Prometheus == true)
        {
            var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath);
            if (policy is not null)
            {
                endpoint.RequireAuthorization(policy);
            }
        }

        return app;
    }

    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/health");
}
