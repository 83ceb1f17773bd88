using Grpc.Net.Client;

namespace Conversations.LoadTest.Scenarios;

/// <summary>What every scenario shares in a run: the channel, the settings, ids unique to this run, setup progress.</summary>
public sealed class ScenarioContext(GrpcChannel channel, LoadTestSettings settings, RunIds ids)
{
    public GrpcChannel Channel => channel;

    public LoadTestSettings Settings => settings;

    public RunIds Ids => ids;

    /// <summary>What setup is doing now, for the live display.</summary>
    public SetupProgress SetupProgress { get; } = new();
}
