using System.Globalization;
using System.Text.Json;
using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Issue 13's pacing check: ONE business number registered at --throughput sends free-form text open loop at exactly
/// --rate (default: its throughput), to customers in turn whose windows setup opened through the Meta simulator. None
/// may be refused, and at Meta none may arrive early nor more than the throughput in any one second; the simulator's
/// arrival log of the number says so after the load.
/// </summary>
public sealed class PacingScenario : IMetaCheckedScenario
{
    public const string ScenarioName = "pacing";

    private const int ScenarioDigit = 9;

    // Round robin over enough customers that each gets a message at most this often at the rate.
    private static readonly TimeSpan s_perCustomer = TimeSpan.FromSeconds(10);

    // Meta's pair rate as the api enforces it (ConversationOptions.PairRateBurst and PairRateInterval): 45 at once, then one per 6 s.
    private const int PairRateBurst = 45;
    private static readonly TimeSpan s_pairRateInterval = TimeSpan.FromSeconds(6);

    private readonly LoadTestSettings _settings;
    private readonly double _rate;
    private readonly int _customers;
    private ConversationSet? _conversations;
    private ScenarioContext? _context;
    private long _next = -1;

    public PacingScenario(LoadTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _rate = settings.Rate ?? settings.Throughput;
        _customers = (int)Math.Clamp(Math.Ceiling(_rate * s_perCustomer.TotalSeconds), 1, Math.Min(settings.Conversations, RunIds.CustomerCapacity));
    }

    public string Name => ScenarioName;

    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"free-form text from one number registered at {_settings.Throughput:N0}/s, open loop at {_rate:N0}/s, to {_customers:N0} customers in turn");

    public string ItemName => "sends";

    public double? OpenLoopRate(LoadTestSettings settings) => _rate;

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        if (context.Settings.MetaSimulator is not { } simulator)
        {
            throw new ScenarioSetupException("pacing reads the number's arrivals from the Meta simulator the api sends to: give --meta-simulator.");
        }

        var sending = _settings.Warmup + _settings.Duration;
        var perCustomer = Math.Ceiling(_rate * sending.TotalSeconds / _customers);
        var allowed = PairRateBurst + Math.Floor(sending / s_pairRateInterval);
        if (perCustomer > allowed)
        {
            throw new ScenarioSetupException(string.Create(CultureInfo.InvariantCulture,
                $"{_customers:N0} customers at {_rate:N0}/s for {sending.TotalSeconds:0} s get {perCustomer:N0} messages each, more than the pair rate allows ({allowed:N0}): raise --conversations."));
        }

        _conversations = new ConversationSet(context.Ids, ScenarioDigit, _customers, businessNumbers: 1);
        await _conversations.RegisterAsync(context, cancellationToken);
        return await _conversations.Opener(context).ThroughSimulatorAsync(_customers, simulator, _conversations.Waba, cancellationToken);
    }

    public IScenarioWorker CreateWorker(int index)
    {
        var set = _conversations ?? throw new InvalidOperationException("Setup first.");
        return new FreeFormSendWorker(set, new V1.ConversationsService.ConversationsServiceClient(_context!.Channel), $"pacing-{_context.Ids.Stamp}-{index}-",
            () => (int)(Interlocked.Increment(ref _next) % set.Count));
    }

    public async Task<PacingVerdict> CheckAtMetaAsync(ScenarioContext context, ScenarioResult result, OpenLoopSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var refused = result.Operations - result.OkOperations;
        var number = _conversations?.NumberOf(0) ?? throw new InvalidOperationException("Setup first.");
        try
        {
            var arrivals = await MetaArrivals.ReadAsync(context.Http, context.Settings.MetaSimulator!, number, cancellationToken);
            return PacingVerdict.Evaluate(_settings.Throughput, schedule, result.Operations, refused, arrivals);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return PacingVerdict.Unchecked(_settings.Throughput, _rate, result.Operations, refused, $"GET /simulator/received?phone_number_id={number} failed: {e.Message}");
        }
    }
}
