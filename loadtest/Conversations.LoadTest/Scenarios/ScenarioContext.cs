using Grpc.Net.Client;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// What every scenario shares in a run: the gRPC channel, an HTTP client for HTTP/1.1 endpoints (Meta simulator,
/// webhooks), the settings, ids unique to this run, setup progress.
/// </summary>
public sealed class ScenarioContext(GrpcChannel channel, HttpClient http, LoadTestSettings settings, RunIds ids)
{
    public GrpcChannel Channel => channel;

    public HttpClient Http => http;

    public LoadTestSettings Settings => settings;

    public RunIds Ids => ids;

    /// <summary>What setup is doing now, for the live display.</summary>
    public SetupProgress SetupProgress { get; } = new();
}
