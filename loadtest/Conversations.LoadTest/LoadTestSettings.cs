namespace Conversations.LoadTest;

/// <summary>What one run of the load tester does, as the command line asked for it.</summary>
public sealed record LoadTestSettings(
    Uri Address,
    IReadOnlyList<string> Scenarios,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    double? Rate,
    int Conversations,
    int BusinessNumbers,
    int Customers,
    DirectoryInfo? Output,
    int? ServerPid,
    Uri? MetaSimulator = null);
