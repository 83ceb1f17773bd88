using Conversations.LoadTest.Scenarios;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// States every scenario against the references measured in the same run: the baseline (the api's cheapest call, its
/// ceiling) and, for scenarios that send, the relay floor (what any implementation of Send must do).
/// </summary>
public static class RunComparison
{
    public static IReadOnlyList<ScenarioResult> Apply(IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var baseline = Measured(results, BaselineScenario.ScenarioName);
        var relay = Measured(results, RelayScenario.ScenarioName);
        return [.. results.Select(r => r.SkippedBecause is not null ? r : r with
        {
            // Items, not operations: a webhook POST of 100 messages is 100 units of work against one health check.
            RatioToBaseline = Ratio(r.OkItemsPerSecond, baseline?.OkPerSecond),
            RatioToRelay = r.SendsMessages ? Ratio(r.OkItemsPerSecond, relay?.OkItemsPerSecond) : null,
            CpuPerOkRatioToRelay = r.SendsMessages ? Ratio(r.ServerCpuMicrosecondsPerOkItem, relay?.ServerCpuMicrosecondsPerOkItem) : null,
        })];
    }

    private static ScenarioResult? Measured(IReadOnlyList<ScenarioResult> results, string name) =>
        results.FirstOrDefault(r => r.Scenario == name && r.SkippedBecause is null);

    private static double? Ratio(double? value, double? reference) =>
        value is { } v && reference is > 0 and var r ? Math.Round(v / r, 3) : null;
}
