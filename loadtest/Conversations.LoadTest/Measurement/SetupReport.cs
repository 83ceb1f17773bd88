namespace Conversations.LoadTest.Measurement;

/// <summary>
/// The unmeasured preparation of a scenario, reported on its own: what it did, how fast, how it ended, and (given the
/// api's pid) how much the api's resident memory grew per call: for windows, roughly the bytes one open conversation costs.
/// </summary>
public sealed record SetupReport(
    string Step,
    long Operations,
    double Seconds,
    double PerSecond,
    IReadOnlyList<OutcomeCount> Outcomes,
    long? ServerRssBeforeBytes = null,
    long? ServerRssAfterBytes = null,
    double? ServerRssGrowthPerCallBytes = null);
