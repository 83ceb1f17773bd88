using Conversations.LoadTest.Measurement;
using Conversations.V1;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// Memory per open window: opens N windows through the cheapest durable path (one RecordInbound each, the call
/// returning after the state write and the expiry reminder), and reports the api's GC heap and resident set before
/// and after, each after a forced full GC, and Redis's used_memory when given the api's Redis. Every open window
/// holds an activation (until collected), its stored state and its expiry reminder, so this measures all three.
/// </summary>
public sealed class WindowsScenario(int windows, int businessNumbers) : IFootprintScenario
{
    public const string ScenarioName = "windows";

    private const int ScenarioDigit = 5;

    private string[] _numbers = [];

    public string Name => ScenarioName;

    public string Description => $"memory of {windows:N0} open windows (RecordInbound, {businessNumbers} number(s)): api GC heap and RSS after a forced GC, Redis used_memory";

    public string ItemName => "windows";

    public async Task<SetupReport?> SetupAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var waba = context.Ids.Waba(ScenarioDigit);
        _numbers = [.. Enumerable.Range(0, businessNumbers).Select(i => context.Ids.BusinessNumber(ScenarioDigit, i))];
        foreach (var number in _numbers)
        {
            await NumberSetup.RegisterAsync(context, number, waba, cancellationToken);
        }

        return null;
    }

    public IScenarioWorker CreateWorker(int index) => throw new NotSupportedException("The windows scenario runs once, not in worker loops.");

    public async Task<ScenarioResult> MeasureAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var pid = context.Settings.ServerPid;
        context.SetupProgress.Begin("forced GC before", 1);
        var before = await ServerHeap.SettleAsync(pid, cancellationToken);
        var redisBefore = await ReadRedisAsync(context);

        var latency = new LatencyRecorder();
        var meter = await CostMeter.StartAsync(pid, context.Redis);
        var opener = new WindowOpener(context, i => _numbers[i % _numbers.Length], RunIds.Customer);
        var opened = await opener.WithRecordInboundAsync(windows, cancellationToken, latency);
        var cost = await meter.StopAsync();

        context.SetupProgress.Begin("forced GC after", 1);
        var after = await ServerHeap.SettleAsync(pid, cancellationToken);
        var redisAfter = await ReadRedisAsync(context);
        var idle = context.Settings.Idle;
        HeapSnapshot? afterIdle = null;
        RedisMemory? redisAfterIdle = null;
        if (idle > TimeSpan.Zero)
        {
            var seconds = (long)Math.Ceiling(idle.TotalSeconds);
            context.SetupProgress.Begin("idle, for the api to collect idle activations (s)", seconds);
            for (var second = 0; second < seconds; second++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                context.SetupProgress.Advance();
            }

            context.SetupProgress.Begin("forced GC after idle", 1);
            afterIdle = await ServerHeap.SettleAsync(pid, cancellationToken);
            redisAfterIdle = await ReadRedisAsync(context);
        }

        var ok = opened.Outcomes.Where(o => o.Status == "OK" && o.Reason.Length == 0).Sum(o => o.Count);
        var openSeconds = Math.Max(opened.Seconds, 1e-9);
        return new ScenarioResult(
            Name,
            Description,
            ItemName,
            1,
            opened.Seconds,
            opened.Operations,
            ok,
            Math.Round(opened.Operations / openSeconds, 1),
            Math.Round(ok / openSeconds, 1),
            Math.Round(ok / openSeconds, 1),
            RatioToBaseline: null,
            latency.Summary(),
            opened.Outcomes,
            Setup: null,
            cost.Cpu,
            RanOutOfWork: false,
            Footprint: new FootprintReport(ok, before, after, redisBefore, redisAfter, idle.TotalSeconds, afterIdle, redisAfterIdle))
        {
            Redis = cost.Redis,
        };
    }

    private static async Task<RedisMemory?> ReadRedisAsync(ScenarioContext context) =>
        context.Redis is { } redis ? await redis.MemoryAsync() : null;
}
