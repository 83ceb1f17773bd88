using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// One business number sending an APPROVED UTILITY template to distinct customers it never wrote to: every send
/// activates a fresh conversation, decides "template only", and (once they exist) meets the messaging limit and pricing.
/// </summary>
/// <remarks>
/// Run twice in "all": with the portfolio unlimited (no customer is counted) and at the 100,000 tier (every send takes a
/// slot of the messaging limit), so the ratio of the two is the limit's cost on the broadcast path.
/// </remarks>
public sealed class BroadcastScenario(int customers, string name, int scenarioDigit, string messagingLimit) : IScenario
{
    public const string ScenarioName = "broadcast";

    public const string LimitedScenarioName = "broadcast-limited";

    private readonly int _scenarioDigit = scenarioDigit;
    private readonly string _messagingLimit = messagingLimit;
    private const string TemplateName = "loadtest_order_shipped";
    private const string TemplateLanguage = "en_US";

    private readonly int _customers = Math.Min(customers, RunIds.CustomerCapacity);
    private int _nextCustomer = -1;
    private string _number = "";
    private ScenarioContext? _context;

    public string Name => name;

    public string Description => $"UTILITY template from one number to up to {_customers:N0} distinct new customers, messaging limit {_messagingLimit}";

    public string ItemName => "sends";

    public bool SendsMessages => true;

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _number = context.Ids.BusinessNumber(_scenarioDigit, 0);
        var waba = context.Ids.Waba(_scenarioDigit);
        await NumberSetup.RegisterAsync(context, _number, waba, cancellationToken);
        await NumberSetup.SetMessagingLimitAsync(context, waba, _messagingLimit, cancellationToken);
        await SetupStep.RequireAsync($"Upserting template {TemplateName}", async () =>
            await new TemplatesService.TemplatesServiceClient(context.Channel).UpsertTemplateAsync(new UpsertTemplateRequest
            {
                WabaId = waba,
                Name = TemplateName,
                Language = TemplateLanguage,
                Category = TemplateCategory.Utility,
                Status = TemplateStatus.Approved,
                Body = "Your order {{1}} has shipped and arrives tomorrow.",
            }, cancellationToken: cancellationToken));
        return null;
    }

    public IScenarioWorker CreateWorker(int index) => new Worker(this, index, new V1.ConversationsService.ConversationsServiceClient(_context!.Channel));

    /// <summary>Each customer once, across all workers; false when they are used up.</summary>
    private bool TryTakeCustomer(out int customer)
    {
        customer = Interlocked.Increment(ref _nextCustomer);
        return customer < _customers;
    }

    private sealed class Worker(BroadcastScenario scenario, int index, V1.ConversationsService.ConversationsServiceClient client) : IScenarioWorker
    {
        // One request per worker, refilled each time: a unary call has serialized it before its response arrives.
        private readonly SendRequest _request = new()
        {
            BusinessNumberId = scenario._number,
            Template = new TemplateContent { Name = TemplateName, Language = TemplateLanguage, Parameters = { $"A-{index}" } },
        };

        public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
        {
            if (!scenario.TryTakeCustomer(out var customer))
            {
                return null;
            }

            var customerNumber = RunIds.Customer(customer);
            _request.Customer = customerNumber;
            // One send per customer, so the customer is already a unique key within this run's number.
            _request.IdempotencyKey = customerNumber;
            await client.SendAsync(_request, cancellationToken: cancellationToken);
            return Outcome.Ok;
        }
    }
}
