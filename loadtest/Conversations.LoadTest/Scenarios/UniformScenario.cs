using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Free-form text sends spread uniformly at random over many conversations whose windows setup opened,
/// each with a fresh idempotency key: the steady state of a busy customer-service desk.
/// </summary>
public sealed class UniformScenario(int conversations, int businessNumbers) : IScenario
{
    public const string ScenarioName = "uniform";

    private const int ScenarioDigit = 1;

    private string[] _numbers = [];
    private string[] _customers = [];
    private ScenarioContext? _context;

    public string Name => ScenarioName;

    public string Description => $"free-form text sends over {conversations:N0} open windows on {businessNumbers} number(s)";

    public string ItemName => "sends";

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var waba = context.Ids.Waba(ScenarioDigit);
        _numbers = [.. Enumerable.Range(0, businessNumbers).Select(i => context.Ids.BusinessNumber(ScenarioDigit, i))];
        foreach (var number in _numbers)
        {
            await NumberSetup.RegisterAsync(context, number, waba, cancellationToken);
        }

        // Built once: the send loop then picks a prepared string instead of formatting one per request.
        _customers = [.. Enumerable.Range(0, conversations).Select(RunIds.Customer)];
        return await new WindowOpener(context, NumberOf, i => _customers[i]).OpenAsync(conversations, waba, cancellationToken);
    }

    public IScenarioWorker CreateWorker(int index) => new Worker(this, index, new V1.ConversationsService.ConversationsServiceClient(_context!.Channel));

    private string NumberOf(int conversation) => _numbers[conversation % _numbers.Length];

    private sealed class Worker(UniformScenario scenario, int index, V1.ConversationsService.ConversationsServiceClient client) : IScenarioWorker
    {
        private readonly Random _random = new(index);

        // One request per worker, refilled each time: a unary call has serialized it before its response arrives.
        private readonly SendRequest _request = new() { Text = new TextContent { Body = "Your order has shipped and arrives tomorrow." } };
        private readonly string _keyPrefix = $"lt-{scenario._context!.Ids.Stamp}-{index}-";
        private long _sequence;

        public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
        {
            var conversation = _random.Next(scenario._customers.Length);
            _request.BusinessNumberId = scenario.NumberOf(conversation);
            _request.Customer = scenario._customers[conversation];
            _request.IdempotencyKey = _keyPrefix + _sequence++;
            await client.SendAsync(_request, cancellationToken: cancellationToken);
            return Outcome.Ok;
        }
    }
}
