using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

/// <summary>Scenario results as a measurement would produce them, with only the fields the arithmetic reads.</summary>
internal static class Results
{
    public static ScenarioResult Measured(string scenario, long okOperations, double seconds, double? serverCpuSeconds, int itemsPerOperation = 1, bool sends = false) =>
        new(
            scenario,
            scenario,
            "items",
            itemsPerOperation,
            seconds,
            okOperations,
            okOperations,
            okOperations / seconds,
            okOperations / seconds,
            okOperations * itemsPerOperation / seconds,
            RatioToBaseline: null,
            new LatencySummary(okOperations, 1, 1, 1, 1, 1),
            [],
            null,
            new CpuUsage(0.1, serverCpuSeconds / seconds, null) { ServerCpuSeconds = serverCpuSeconds },
            RanOutOfWork: false)
        {
            SendsMessages = sends,
        };

    public static ScenarioResult Skipped(string scenario) =>
        Measured(scenario, 0, 1, null) with { SkippedBecause = "not given" };
}
