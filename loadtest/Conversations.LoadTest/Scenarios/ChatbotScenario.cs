using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Bots answering customers: <c>streams</c> long-lived StreamSends calls, each a bot that owns every streams-th of the
/// conversations setup opened and replies to them with free-form text. The worker loops share the bots, so each bot
/// has concurrency ÷ streams sends in flight; latency is from writing a send to reading its outcome.
/// </summary>
public sealed class ChatbotScenario(int conversations, int streams) : IScenario, IAsyncDisposable
{
    public const string ScenarioName = "chatbot";

    private const int ScenarioDigit = 4;

    private readonly int _streams = Math.Min(streams, conversations);
    private string _number = "";
    private string[] _customers = [];
    private BotStream[] _bots = [];
    private ScenarioContext? _context;

    public string Name => ScenarioName;

    public string Description => $"free-form replies over {_streams} StreamSends streams (bots), {conversations:N0} open windows on one number";

    public string ItemName => "sends";

    public bool SendsMessages => true;

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _number = context.Ids.BusinessNumber(ScenarioDigit, 0);
        var waba = context.Ids.Waba(ScenarioDigit);
        await NumberSetup.RegisterAsync(context, _number, waba, cancellationToken);
        _customers = [.. Enumerable.Range(0, conversations).Select(RunIds.Customer)];
        var opened = await new WindowOpener(context, _ => _number, i => _customers[i]).OpenAsync(conversations, waba, cancellationToken);
        var client = new V1.ConversationsService.ConversationsServiceClient(context.Channel);
        _bots = [.. Enumerable.Range(0, _streams).Select(_ => new BotStream(client))];
        return opened;
    }

    public IScenarioWorker CreateWorker(int index) => new Worker(this, index);

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        _bots = [];
    }

    private sealed class Worker(ChatbotScenario scenario, int index) : IScenarioWorker
    {
        private readonly Random _random = new(index);
        private readonly int _bot = index % scenario._streams;
        private readonly string _prefix = $"bot-{scenario._context!.Ids.Stamp}-{index}-";
        private long _sequence;

        public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
        {
            // The bot's own conversations: those whose index is the bot's number modulo the bot count.
            var owned = (scenario._customers.Length - _bot + scenario._streams - 1) / scenario._streams;
            var conversation = _bot + (_random.Next(owned) * scenario._streams);
            var key = _prefix + _sequence++;
            var outcome = await scenario._bots[_bot].SendAsync(new StreamSendsRequest
            {
                CorrelationId = key,
                Request = new SendRequest
                {
                    BusinessNumberId = scenario._number,
                    Customer = scenario._customers[conversation],
                    IdempotencyKey = key,
                    Text = new TextContent { Body = "Thanks for writing! Your order ships today." },
                },
            }, cancellationToken);
            return outcome.Refusal is { } refusal ? new Outcome(refusal.Status, refusal.Reason) : Outcome.Ok;
        }
    }
}
