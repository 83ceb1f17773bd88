namespace Conversations.LoadTest.Measurement;

/// <summary>The unmeasured preparation of a scenario, reported on its own: what it did, how fast, how it ended.</summary>
public sealed record SetupReport(string Step, long Operations, double Seconds, double PerSecond, IReadOnlyList<OutcomeCount> Outcomes);
