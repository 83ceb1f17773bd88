namespace Conversations.LoadTest.Scenarios;

/// <summary>Every scenario the load tester knows, in run order; baseline first because the others are measured against it.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<string> Names { get; } =
    [
        BaselineScenario.ScenarioName,
        RelayScenario.ScenarioName,
        UniformScenario.ScenarioName,
        EvaluateScenario.ScenarioName,
        BroadcastScenario.ScenarioName,
        BroadcastScenario.LimitedScenarioName,
        WebhooksScenario.ScenarioName,
        ChatbotScenario.ScenarioName,
        WindowsScenario.ScenarioName,
        PacingScenario.ScenarioName,
    ];

    /// <summary>
    /// What "--scenario all" runs: windows opens a million conversations for minutes, and pacing holds one number at its
    /// throughput for a minute, so each is asked for by name.
    /// </summary>
    public static IReadOnlyList<string> InAll { get; } = [.. Names.Where(name => name is not (WindowsScenario.ScenarioName or PacingScenario.ScenarioName))];

    public static IScenario Create(string name, LoadTestSettings settings) => name switch
    {
        BaselineScenario.ScenarioName => new BaselineScenario(),
        RelayScenario.ScenarioName => new RelayScenario(settings.Conversations, settings.BusinessNumbers),
        UniformScenario.ScenarioName => new UniformScenario(settings.Conversations, settings.BusinessNumbers),
        EvaluateScenario.ScenarioName => new EvaluateScenario(settings.Conversations, settings.BusinessNumbers),
        BroadcastScenario.ScenarioName => new BroadcastScenario(settings.Customers, name, scenarioDigit: 2, "unlimited"),
        BroadcastScenario.LimitedScenarioName => new BroadcastScenario(settings.Customers, name, scenarioDigit: 6, "100000"),
        WebhooksScenario.ScenarioName => new WebhooksScenario(settings.WebhookUrl, settings.AppSecret, settings.Batch, settings.Conversations),
        ChatbotScenario.ScenarioName => new ChatbotScenario(settings.Conversations, settings.Streams),
        WindowsScenario.ScenarioName => new WindowsScenario(settings.Windows, settings.BusinessNumbers),
        PacingScenario.ScenarioName => new PacingScenario(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
