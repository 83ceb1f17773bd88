namespace Conversations.EndToEnd.Tests.Telemetry;

/// <summary>
/// Its own host, run alone: a meter is listened to by name in the whole process, so another host's sends running in
/// parallel would count in this host's /metrics.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryLoopbackApi>
{
    public const string Name = "telemetry";
}
