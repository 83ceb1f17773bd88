using Conversations.LoadTest.Measurement;
using Grpc.Net.Client;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// What every scenario shares in a run: the gRPC channel, an HTTP client for HTTP/1.1 endpoints (Meta simulator,
/// webhooks), the settings, ids unique to this run, setup progress, and the api's Redis when the run watches it.
/// </summary>
public sealed class ScenarioContext(GrpcChannel channel, HttpClient http, LoadTestSettings settings, RunIds ids, ApiRedis? redis = null)
{
    public GrpcChannel Channel => channel;

    public HttpClient Http => http;

    public LoadTestSettings Settings => settings;

    public RunIds Ids => ids;

    /// <summary>The api's Redis (--redis), one connection for the run; null when none was given.</summary>
    public ApiRedis? Redis => redis;

    /// <summary>What setup is doing now, for the live display.</summary>
    public SetupProgress SetupProgress { get; } = new();
}
