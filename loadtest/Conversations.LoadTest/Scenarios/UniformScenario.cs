using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Free-form text sends spread uniformly at random over many conversations whose windows setup opened,
/// each with a fresh idempotency key: the steady state of a busy customer-service desk.
/// </summary>
public sealed class UniformScenario(int conversations, int businessNumbers) : IScenario
{
    public const string ScenarioName = "uniform";

    private const int ScenarioDigit = 1;

    private ConversationSet? _conversations;
    private ScenarioContext? _context;

    public string Name => ScenarioName;

    public string Description => $"free-form text sends over {conversations:N0} open windows on {businessNumbers} number(s)";

    public string ItemName => "sends";

    public bool SendsMessages => true;

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _conversations = new ConversationSet(context.Ids, ScenarioDigit, conversations, businessNumbers, context.Settings.UserIdShare);
        await _conversations.RegisterAsync(context, cancellationToken);
        return await _conversations.Opener(context).OpenAsync(conversations, _conversations.Waba, cancellationToken);
    }

    public IScenarioWorker CreateWorker(int index)
    {
        var set = _conversations ?? throw new InvalidOperationException("Setup first.");
        return new FreeFormSendWorker(set, new V1.ConversationsService.ConversationsServiceClient(_context!.Channel), $"lt-{_context.Ids.Stamp}-{index}-", set.UniformPick(index));
    }
}
