using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// One kind of load. Setup prepares what the load needs (unmeasured but reported); each worker loop then repeats
/// one operation. A streaming scenario (chatbot) keeps its stream in the worker, an HTTP one (webhooks) its
/// HttpClient in the context: the runner only sees operations and their outcomes.
/// </summary>
public interface IScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>What one operation carries, for the throughput column: "checks", "sends", "inbound messages".</summary>
    string ItemName { get; }

    /// <summary>Items one operation carries; a webhook POST of 100 messages is one operation of 100 items.</summary>
    int ItemsPerOperation => 1;

    /// <summary>Whether it sends WhatsApp messages, so its throughput and CPU per send are compared with the relay floor's.</summary>
    bool SendsMessages => false;

    /// <summary>The process whose CPU the measurement is charged to: the api, unless the scenario drives another server.</summary>
    int? MeasuredPid(LoadTestSettings settings) => settings.ServerPid;

    /// <summary>Sends per second of its open loop (--rate), or null to run as fast as answered.</summary>
    double? OpenLoopRate(LoadTestSettings settings) => settings.Rate;

    /// <summary>Prepares the server; null when the scenario needs nothing.</summary>
    Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken);

    /// <summary>A worker for one of the concurrent loops; called once per loop after setup.</summary>
    IScenarioWorker CreateWorker(int index);
}
