using Conversations.LoadTest.Measurement;
using Grpc.Health.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>grpc.health.v1.Health/Check: the cheapest call the front door answers, so the ceiling of the same process.</summary>
public sealed class BaselineScenario : IScenario
{
    public const string ScenarioName = "baseline";

    private static readonly HealthCheckRequest s_request = new();

    private Health.HealthClient? _client;

    public string Name => ScenarioName;

    public string Description => "grpc.health.v1.Health/Check on the api's own process";

    public string ItemName => "checks";

    /// <summary>The baseline is the ceiling, so it always runs as fast as answered; --rate paces the scenarios measured against it.</summary>
    public double? OpenLoopRate(LoadTestSettings settings) => null;

    public Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _client = new Health.HealthClient(context.Channel);
        return Task.FromResult<SetupReport?>(null);
    }

    public IScenarioWorker CreateWorker(int index) => new Worker(_client ?? throw new InvalidOperationException("Setup first."));

    private sealed class Worker(Health.HealthClient client) : IScenarioWorker
    {
        public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
        {
            var response = await client.CheckAsync(s_request, cancellationToken: cancellationToken);
            // A NOT_SERVING answer is a successful call that still says the cluster is not ready.
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? Outcome.Ok
                : new Outcome("OK", "HEALTH_" + response.Status.ToString().ToUpperInvariant());
        }
    }
}
