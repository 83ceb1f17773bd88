using System.Net.Http.Headers;
using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Meta delivering customers' messages: signed webhook POSTs of <c>batch</c> inbound text messages each to the api's
/// webhook endpoint. The api answers 200 only after every event's grain call returned, i.e. after its state write,
/// so ok items/s are inbound messages durably recorded per second.
/// </summary>
public sealed class WebhooksScenario(Uri webhookUrl, string appSecret, int batch, int conversations) : IScenario
{
    public const string ScenarioName = "webhooks";

    private const int ScenarioDigit = 3;
    private const string CustomerText = "Hi, is my order on its way?";

    private readonly Uri _webhookUrl = webhookUrl;
    private readonly string _appSecret = appSecret;
    private readonly int _batch = batch;
    private string _number = "";
    private string _waba = "";
    private string[] _customers = [];
    private ScenarioContext? _context;

    public string Name => ScenarioName;

    public string Description => $"signed Meta webhooks of {_batch} inbound text messages each, spread over {conversations:N0} customers of one number";

    public string ItemName => "inbound messages";

    public int ItemsPerOperation => _batch;

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _number = context.Ids.BusinessNumber(ScenarioDigit, 0);
        _waba = context.Ids.Waba(ScenarioDigit);
        // An unregistered number's events are refused and still acknowledged with 200: register it, or 200 would mean nothing.
        await NumberSetup.RegisterAsync(context, _number, _waba, cancellationToken);
        _customers = [.. Enumerable.Range(0, conversations).Select(RunIds.Customer)];
        return null;
    }

    public IScenarioWorker CreateWorker(int index) => new Worker(this, index);

    private sealed class Worker(WebhooksScenario scenario, int index) : IScenarioWorker
    {
        private readonly Random _random = new(index);
        private readonly WebhookPayload _payload = new(scenario._appSecret);
        private readonly WebhookPayload.Message[] _messages = new WebhookPayload.Message[scenario._batch];
        private readonly string _wamidPrefix = $"wamid.lt-{scenario._context!.Ids.Stamp}-{index}-";
        private long _sequence;

        public async ValueTask<Outcome?> ExecuteAsync(CancellationToken cancellationToken)
        {
            for (var i = 0; i < _messages.Length; i++)
            {
                // Fresh wamids: a repeated one is deduplicated, acknowledged and not written again.
                _messages[i] = new(scenario._customers[_random.Next(scenario._customers.Length)], _wamidPrefix + _sequence++);
            }

            var (body, signature) = _payload.Build(scenario._waba, scenario._number, _messages, DateTimeOffset.UtcNow, CustomerText);
            using var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, scenario._webhookUrl) { Content = content };
            request.Headers.TryAddWithoutValidation(WebhookPayload.SignatureHeader, signature);
            using var response = await scenario._context!.Http.SendAsync(request, cancellationToken);
            return Outcome.FromHttp(response.StatusCode);
        }
    }
}
