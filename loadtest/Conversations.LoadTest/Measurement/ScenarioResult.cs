namespace Conversations.LoadTest.Measurement;

/// <summary>
/// One scenario's measurement. The ratios compare it with the same run's references (see <see cref="RunComparison"/>):
/// successful items/s over the baseline's checks/s and, for sends, over the relay floor's sends/s, and its server CPU
/// per successful send over the relay's.
/// </summary>
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

    /// <summary>Server CPU seconds over the measurement ÷ successful operations, in µs: what one answered call cost the server.</summary>
    public double? ServerCpuMicrosecondsPerOkOperation => CpuPerOperation.Microseconds(Cpu.ServerCpuSeconds, OkOperations);

    /// <summary>The same per item: per inbound message for webhooks, per call for every other scenario.</summary>
    public double? ServerCpuMicrosecondsPerOkItem => CpuPerOperation.Microseconds(Cpu.ServerCpuSeconds, OkOperations * ItemsPerOperation);

    /// <summary>Whether the scenario sends WhatsApp messages, and so is compared with the relay floor.</summary>
    public bool SendsMessages { get; init; }

    /// <summary>Successful items/s over the relay floor's successful sends/s in the same run.</summary>
    public double? RatioToRelay { get; init; }

    /// <summary>Server CPU per successful item over the relay server's CPU per successful send in the same run.</summary>
    public double? CpuPerOkRatioToRelay { get; init; }

    /// <summary>What the api's Redis spent over the same span as the CPU meter; null without --redis.</summary>
    public RedisUsage? Redis { get; init; }

    /// <summary>Redis CPU (INFO used_cpu_user + used_cpu_sys) ÷ successful items, in µs.</summary>
    public double? RedisCpuMicrosecondsPerOkItem => Redis?.CpuMicrosecondsPer(OkOperations * ItemsPerOperation);

    /// <summary>Bytes Redis received (INFO total_net_input_bytes) ÷ successful items: what one send wrote, its statuses included.</summary>
    public double? RedisBytesInPerOkItem => Redis?.BytesInPer(OkOperations * ItemsPerOperation);

    /// <summary>Growth of the append-only file (INFO aof_current_size) ÷ successful items; null when AOF is off or a rewrite ran.</summary>
    public double? AofBytesPerOkItem => Redis?.AofBytesPer(OkOperations * ItemsPerOperation);

    /// <summary>pacing: whether Meta saw the number's sends at its throughput and none refused; null for every other scenario.</summary>
    public PacingVerdict? Pacing { get; init; }
}
