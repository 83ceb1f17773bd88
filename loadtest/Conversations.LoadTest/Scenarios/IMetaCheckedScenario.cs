using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Scenarios;

/// <summary>A scenario whose sends are also judged where they land: the Meta simulator's arrival log of its number, read after the load.</summary>
public interface IMetaCheckedScenario : IScenario
{
    Task<PacingVerdict> CheckAtMetaAsync(ScenarioContext context, ScenarioResult result, OpenLoopSchedule schedule, CancellationToken cancellationToken);
}
