namespace Conversations.LoadTest.Measurement;

/// <summary>One scenario's measurement. Ratio is its successful operations/s over the same run's baseline.</summary>
public sealed record ScenarioResult(
    string Scenario,
    string Description,
    string ItemName,
    int ItemsPerOperation,
    double MeasuredSeconds,
    long Operations,
    long OkOperations,
    double OperationsPerSecond,
    double OkPerSecond,
    double OkItemsPerSecond,
    double? RatioToBaseline,
    LatencySummary Latency,
    IReadOnlyList<OutcomeCount> Outcomes,
    SetupReport? Setup,
    CpuUsage Cpu,
    bool RanOutOfWork,
    string? SkippedBecause = null);
