using System.Diagnostics;
using Conversations.LoadTest.Measurement;
using Grpc.Core;

namespace Conversations.LoadTest.Scenarios;

/// <summary>Runs many setup calls with bounded concurrency, counting outcomes instead of stopping at the first refusal.</summary>
public static class SetupStep
{
    public static async Task<SetupReport> RunAsync(
        ScenarioContext context,
        string step,
        int count,
        Func<int, CancellationToken, Task<Outcome>> call,
        CancellationToken cancellationToken,
        LatencyRecorder? latency = null)
    {
        context.SetupProgress.Begin(step, count);
        var rssBefore = ServerMemory.ResidentBytes(context.Settings.ServerPid);
        var outcomes = new OutcomeTally();
        var started = Stopwatch.GetTimestamp();
        var options = new ParallelOptions { MaxDegreeOfParallelism = context.Settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, count, options, async (index, token) =>
        {
            var callStarted = Stopwatch.GetTimestamp();
            var (outcome, failure) = await TryAsync(call, index, token);
            latency?.Record(callStarted, Stopwatch.GetTimestamp());
            lock (outcomes)
            {
                outcomes.Add(outcome, failure);
            }

            context.SetupProgress.Advance();
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rssAfter = ServerMemory.ResidentBytes(context.Settings.ServerPid);
        double? bytesPerCall = rssBefore is { } before && rssAfter is { } after ? Math.Round((double)(after - before) / count) : null;
        return new SetupReport(step, count, Math.Round(seconds, 3), Math.Round(count / Math.Max(seconds, 1e-9), 1), outcomes.ToList(), rssBefore, rssAfter, bytesPerCall);
    }

    /// <summary>One call whose failure must stop the scenario (registering its number): a refusal becomes an exception with its reason.</summary>
    public static async Task RequireAsync(string what, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException failure)
        {
            throw new ScenarioSetupException($"{what} failed: {Outcome.From(failure)}: {failure.Status.Detail}", failure);
        }
    }

    private static async Task<(Outcome, Exception?)> TryAsync(Func<int, CancellationToken, Task<Outcome>> call, int index, CancellationToken token)
    {
        try
        {
            return (await call(index, token), null);
        }
        catch (RpcException failure)
        {
            return (Outcome.From(failure), failure);
        }
        catch (HttpRequestException failure)
        {
            return (Outcome.FromClientFailure(failure), failure);
        }
    }
}
