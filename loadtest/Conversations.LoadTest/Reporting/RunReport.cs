using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Reporting;

/// <summary>Everything one run measured, as written to its JSON file.</summary>
public sealed record RunReport(
    string RunId,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    RunSettings Settings,
    IReadOnlyList<ScenarioResult> Scenarios);

/// <summary>The settings as a report states them (durations in seconds, the address as text).</summary>
public sealed record RunSettings(
    string Address,
    double DurationSeconds,
    double WarmupSeconds,
    int Concurrency,
    double? Rate,
    int Conversations,
    int BusinessNumbers,
    int Customers,
    int? ServerPid,
    string? MetaSimulator,
    string WebhookUrl,
    int Batch,
    int Streams,
    int Windows,
    double IdleSeconds,
    string? Redis,
    string? Relay = null,
    int? RelayPid = null,
    string? RelayMetaSimulator = null,
    int Throughput = 1_000)
{
    public static RunSettings From(LoadTestSettings settings) => new(
        settings.Address.ToString().TrimEnd('/'),
        settings.Duration.TotalSeconds,
        settings.Warmup.TotalSeconds,
        settings.Concurrency,
        settings.Rate,
        settings.Conversations,
        settings.BusinessNumbers,
        settings.Customers,
        settings.ServerPid,
        settings.MetaSimulator?.ToString().TrimEnd('/'),
        settings.WebhookUrl.ToString(),
        settings.Batch,
        settings.Streams,
        settings.Windows,
        settings.Idle.TotalSeconds,
        settings.Redis,
        settings.Relay?.ToString().TrimEnd('/'),
        settings.RelayPid,
        (settings.RelayMetaSimulator ?? settings.MetaSimulator)?.ToString().TrimEnd('/'),
        settings.Throughput);
}
