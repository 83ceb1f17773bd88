using Conversations.LoadTest.Measurement;
using Grpc.Net.Client;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// The relay floor: uniform's sends against the relay server (this tool's --serve-relay mode), which only takes the
/// gRPC Send, posts it to the Meta simulator and answers. Its throughput and CPU per send, measured on its own pid,
/// are what any implementation of Send must spend; each send scenario is stated against them.
/// </summary>
public sealed class RelayScenario(int conversations, int businessNumbers) : IScenario, IAsyncDisposable
{
    public const string ScenarioName = "relay";

    private const int ScenarioDigit = 7;

    private ConversationSet? _conversations;
    private GrpcChannel? _channel;
    private string _stamp = "";

    public string Name => ScenarioName;

    public string Description => $"the relay floor: uniform's free-form sends over {conversations:N0} windows on {businessNumbers} number(s), gRPC in, one HTTP POST to the Meta simulator, answer";

    public string ItemName => "sends";

    public bool SendsMessages => true;

    public int? MeasuredPid(LoadTestSettings settings) => settings.RelayPid;

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        if (settings.Relay is not { } relay)
        {
            throw new ScenarioSetupException("no --relay given: start `conversations-loadtest --serve-relay <port> --meta <simulator url>` and pass its address and --relay-pid.");
        }

        // The simulator refuses free-form text outside a window it saw opened (131047), as Meta does.
        if ((settings.RelayMetaSimulator ?? settings.MetaSimulator) is not { } simulator)
        {
            throw new ScenarioSetupException("the relay's sends need windows open in the simulator it posts to: give --relay-meta-simulator (or --meta-simulator).");
        }

        _stamp = context.Ids.Stamp;
        _conversations = new ConversationSet(context.Ids, ScenarioDigit, conversations, businessNumbers);
        _channel = LoadTestChannel.Create(relay);
        return await _conversations.Opener(context).ThroughSimulatorAsync(conversations, simulator, _conversations.Waba, cancellationToken);
    }

    public IScenarioWorker CreateWorker(int index)
    {
        var set = _conversations ?? throw new InvalidOperationException("Setup first.");
        return new FreeFormSendWorker(set, new V1.ConversationsService.ConversationsServiceClient(_channel), $"relay-{_stamp}-{index}-", set.UniformPick(index));
    }

    public ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        _channel = null;
        return ValueTask.CompletedTask;
    }
}
