using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Evaluate dry runs of free-form text on open windows, picked uniformly at random: what Send would decide, with no
/// write and no call to Meta, so the cost of reading a conversation's decision through the cluster.
/// </summary>
public sealed class EvaluateScenario(int conversations, int businessNumbers) : IScenario
{
    public const string ScenarioName = "evaluate";

    private const int ScenarioDigit = 8;

    private ConversationSet? _conversations;
    private ScenarioContext? _context;

    public string Name => ScenarioName;

    public string Description => $"Evaluate (dry run) of free-form text over {conversations:N0} open windows on {businessNumbers} number(s)";

    public string ItemName => "evaluations";

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _conversations = new ConversationSet(context.Ids, ScenarioDigit, conversations, businessNumbers, context.Settings.UserIdShare);
        await _conversations.RegisterAsync(context, cancellationToken);
        // A dry run never reaches Meta, so the simulator need not know the windows: RecordInbound is the cheaper setup.
        return await _conversations.Opener(context).WithRecordInboundAsync(conversations, cancellationToken);
    }

    public IScenarioWorker CreateWorker(int index) => new Worker(
        _conversations ?? throw new InvalidOperationException("Setup first."),
        new V1.ConversationsService.ConversationsServiceClient(_context!.Channel),
        index);

    /// <summary>A refusal comes back in the answer, not as an error: it counts as NOT_ALLOWED with its reason.</summary>
    public static Outcome OutcomeOf(EvaluateResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Allowed ? Outcome.Ok : new Outcome("NOT_ALLOWED", response.Refusal?.Reason ?? "");
    }

    private sealed class Worker(ConversationSet conversations, V1.ConversationsService.ConversationsServiceClient client, int index) : IScenarioWorker
    {
        private readonly Random _random = new(index);

        // EvaluateRequest has SendRequest's fields; the key is neither required nor looked up by a dry run.
        private readonly EvaluateRequest _request = new() { Text = new TextContent { Body = "Your order has shipped and arrives tomorrow." } };

        public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
        {
            var conversation = _random.Next(conversations.Count);
            _request.BusinessNumberId = conversations.NumberOf(conversation);
            _request.Customer = conversations.CustomerOf(conversation);
            return OutcomeOf(await client.EvaluateAsync(_request, cancellationToken: cancellationToken));
        }
    }
}
