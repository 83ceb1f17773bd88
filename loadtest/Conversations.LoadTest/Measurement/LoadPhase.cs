using System.Diagnostics;
using Conversations.LoadTest.Scenarios;
using Grpc.Core;
using HdrHistogram;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// Warm-up then measurement of one scenario: <c>concurrency</c> worker loops, each issuing its next operation when
/// the previous one completed (closed loop), or at its scheduled time when a rate is set (open loop, where latency
/// counts from the intended start so a stalled server cannot hide its queue). Operations that complete inside the
/// measurement window are counted; the loops stop issuing when it ends. The server's CPU, and its Redis's when the
/// run watches one, are read at the start and end of the measurement window.
/// </summary>
public sealed class LoadPhase(IScenario scenario, LoadTestSettings settings, ApiRedis? redis = null)
{
    // Loops still waiting on the server this long after the window are abandoned, so a hung server cannot hang the run.
    private static readonly TimeSpan s_drainLimit = TimeSpan.FromSeconds(30);

    private readonly double? _rate = scenario.OpenLoopRate(settings);
    private WorkerStats[] _workers = [];
    private long _startedAt;

    /// <summary>Operations completed so far (warm-up included), for the live display.</summary>
    public long Completed => _workers.Sum(worker => worker.Completed);

    public long NotOk => _workers.Sum(worker => worker.NotOk);

    /// <summary>0 to 1 over warm-up plus measurement.</summary>
    public double Fraction => _startedAt == 0 ? 0 : Math.Min(1, Stopwatch.GetElapsedTime(_startedAt) / (settings.Warmup + settings.Duration));

    public bool Measuring => _startedAt != 0 && Stopwatch.GetElapsedTime(_startedAt) >= settings.Warmup;

    /// <summary>Open loop: when the sends were intended, in Unix time, once <see cref="RunAsync"/> has started; null in a closed loop.</summary>
    public OpenLoopSchedule? Schedule { get; private set; }

    public async Task<ScenarioResult> RunAsync(SetupReport? setup, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, settings.Concurrency).Select(scenario.CreateWorker).ToArray();
        _workers = [.. workers.Select(_ => new WorkerStats())];
        _startedAt = Stopwatch.GetTimestamp();
        var startedAtUnixMicroseconds = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        var measureFrom = _startedAt + ToTicks(settings.Warmup);
        var measureUntil = measureFrom + ToTicks(settings.Duration);
        if (_rate is { } perSecond)
        {
            // The first intended send is at the start (worker 0's first slot); the clock pair converts the rest.
            long UnixMicroseconds(long timestamp) => startedAtUnixMicroseconds + (long)Stopwatch.GetElapsedTime(_startedAt, timestamp).TotalMicroseconds;
            Schedule = new OpenLoopSchedule(startedAtUnixMicroseconds, UnixMicroseconds(measureFrom), UnixMicroseconds(measureUntil), perSecond);
        }

        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        abandon.CancelAfter(settings.Warmup + settings.Duration + s_drainLimit);

        // Long-running loops on the thread pool; each awaits the network almost all the time.
        var loops = Task.WhenAll(workers.Select((worker, i) => Task.Run(() => LoopAsync(worker, _workers[i], i, measureFrom, measureUntil, abandon.Token))));
        var cost = await MeasureCostAsync(measureFrom, measureUntil, loops, cancellationToken);
        await loops;

        var latency = new LongHistogram(1, WorkerStats.HighestTrackableMicroseconds, 3);
        var outcomes = new OutcomeTally();
        foreach (var stats in _workers)
        {
            latency.Add(stats.Latency);
            outcomes.AddAll(stats.Outcomes);
        }

        var ranOut = _workers.Any(stats => stats.RanOutOfWork);
        // A scenario that used up its work early is measured until its last operation, not until the clock ran out.
        var measuredUntil = ranOut ? Math.Min(measureUntil, _workers.Max(stats => stats.LastMeasuredAt)) : measureUntil;
        var seconds = Math.Max(Stopwatch.GetElapsedTime(measureFrom, measuredUntil).TotalSeconds, 1e-9);
        var operations = outcomes.Total;
        var ok = outcomes.CountOf(Outcome.Ok);
        return new ScenarioResult(
            scenario.Name,
            scenario.Description,
            scenario.ItemName,
            scenario.ItemsPerOperation,
            Math.Round(seconds, 3),
            operations,
            ok,
            Math.Round(operations / seconds, 1),
            Math.Round(ok / seconds, 1),
            Math.Round(ok * scenario.ItemsPerOperation / seconds, 1),
            RatioToBaseline: null,
            LatencySummary.Of(latency),
            outcomes.ToList(),
            setup,
            cost.Cpu,
            ranOut)
        {
            SendsMessages = scenario.SendsMessages,
            Redis = cost.Redis,
        };
    }

    private async Task LoopAsync(IScenarioWorker worker, WorkerStats stats, int index, long measureFrom, long measureUntil, CancellationToken abandon)
    {
        // Open loop: each worker owns every concurrency-th slot of the schedule, staggered so they do not fire together.
        var interval = _rate is { } perSecond ? ToTicks(TimeSpan.FromSeconds(settings.Concurrency / perSecond)) : 0;
        var intendedAt = _startedAt + (interval * index / settings.Concurrency);
        while (!abandon.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (interval > 0)
            {
                if (intendedAt >= measureUntil)
                {
                    return;
                }

                if (intendedAt > now && !await DelayUntil(intendedAt, abandon))
                {
                    return;
                }
            }
            else if (now >= measureUntil)
            {
                return;
            }

            var startedAt = interval > 0 ? intendedAt : Stopwatch.GetTimestamp();
            intendedAt += interval;
            Outcome outcome;
            Exception? failure = null;
            try
            {
                if (await worker.ExecuteAsync(abandon) is not { } completed)
                {
                    stats.RanOutOfWork = true;
                    return;
                }

                outcome = completed;
            }
            catch (Exception e) when (abandon.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Abandoned after the drain limit, or the operator pressed Ctrl+C: not an outcome of the server's.
                return;
            }
            catch (RpcException e)
            {
                (outcome, failure) = (Outcome.From(e), e);
            }
            catch (Exception e)
            {
                (outcome, failure) = (Outcome.FromClientFailure(e), e);
            }

            var completedAt = Stopwatch.GetTimestamp();
            stats.Completing(outcome);
            if (completedAt >= measureFrom && completedAt < measureUntil)
            {
                stats.Measure(outcome, failure, startedAt, completedAt);
            }
        }
    }

    /// <summary>CPU (and Redis) over the measurement window, or until the loops ran out of work if that came first.</summary>
    private async Task<MeasuredCost> MeasureCostAsync(long measureFrom, long measureUntil, Task loops, CancellationToken cancellationToken)
    {
        await Task.WhenAny(DelayUntil(measureFrom, cancellationToken), loops);
        var meter = await CostMeter.StartAsync(scenario.MeasuredPid(settings), redis);
        await Task.WhenAny(DelayUntil(measureUntil, cancellationToken), loops);
        return await meter.StopAsync();
    }

    /// <summary>False when cancelled first.</summary>
    private static async Task<bool> DelayUntil(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(wait, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long ToTicks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);
}
