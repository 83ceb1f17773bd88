namespace Conversations.LoadTest.Scenarios;

/// <summary>Every scenario the load tester knows, in run order; baseline first because the others are measured against it.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<string> Names { get; } = [BaselineScenario.ScenarioName, UniformScenario.ScenarioName, BroadcastScenario.ScenarioName];

    public static IScenario Create(string name, LoadTestSettings settings) => name switch
    {
        BaselineScenario.ScenarioName => new BaselineScenario(),
        UniformScenario.ScenarioName => new UniformScenario(settings.Conversations, settings.BusinessNumbers),
        BroadcastScenario.ScenarioName => new BroadcastScenario(settings.Customers),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
