namespace Conversations.LoadTest.Scenarios;

/// <summary>Setup could not prepare the scenario at all (e.g. the number would not register); the run skips it and says why.</summary>
public sealed class ScenarioSetupException(string message, Exception? inner = null) : Exception(message, inner);
