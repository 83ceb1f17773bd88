using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace Conversations.EndToEnd.Tests.Telemetry;

/// <summary>The loopback api with traces on and every span kept in memory, as a collector would receive them.</summary>
public sealed class TelemetryLoopbackApi : LoopbackApi
{
    /// <summary>The tests' own spans: each test starts its trace with one, so it can pick its spans out of the host's.</summary>
    public static readonly ActivitySource Tests = new("Conversations.EndToEnd.Tests");

    /// <summary>What the in-memory exporter exported; read under its lock.</summary>
    public List<Activity> Spans { get; } = [];

    public Uri MetricsUrl => new(WebhookUrl, "/metrics");

    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Conversations:Telemetry:Traces"] = "true",
    };

    /// <summary>The spans of one trace, copied under the exporter's lock.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId)
    {
        lock (Spans)
        {
            return [.. Spans.Where(s => s.TraceId == traceId)];
        }
    }

    public IReadOnlyList<Activity> Named(string name)
    {
        lock (Spans)
        {
            return [.. Spans.Where(s => s.DisplayName == name || s.OperationName == name)];
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(
            tracing => tracing.AddSource(Tests.Name).AddInMemoryExporter(new LockedSpans(Spans))));
    }
}

/// <summary>The in-memory exporter adds from whichever thread ends a span; the tests read the list under the same lock.</summary>
internal sealed class LockedSpans(List<Activity> spans) : System.Collections.ObjectModel.Collection<Activity>
{
    protected override void InsertItem(int index, Activity item)
    {
        lock (spans)
        {
            spans.Add(item);
        }
    }
}
