using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// A scenario that measures what state costs to keep rather than how fast calls are answered: it runs its own work
/// once, between two memory readings, instead of the runner's warm-up and timed worker loops.
/// </summary>
public interface IFootprintScenario : IScenario
{
    Task<ScenarioResult> MeasureAsync(ScenarioContext context, CancellationToken cancellationToken);
}
