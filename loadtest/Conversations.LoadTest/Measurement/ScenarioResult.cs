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
    string? SkippedBecause = null,
    FootprintReport? Footprint = null)
{
    /// <summary>
    /// Successful items (checks, sends, inbound messages) per second of api CPU: on a machine shared with other work
    /// this moves less than ok/s, because it does not depend on how much CPU the api happened to get.
    /// </summary>
    public double? OkPerServerCoreSecond => Cpu.ServerCores is > 0 and var cores ? Math.Round(OkItemsPerSecond / cores, 1) : null;
}
