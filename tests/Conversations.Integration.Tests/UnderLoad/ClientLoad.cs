using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// Clients, one per conversation, each making its calls in order while many conversations run at once. A call that fails
/// is put aside and the client goes on with its next call, as a client keeps serving its other traffic; afterwards
/// <see cref="RetryFailed"/> retries every failed call with the same identity until it gets a final answer.
/// </summary>
public sealed class ClientLoad(Traffic traffic, int concurrency)
{
    private static TimeSpan RetryDelay => TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _elapsed = new();
    private readonly ConcurrentDictionary<ClientCall, CallResult> _results = new();
    private readonly ConcurrentQueue<CallFailure> _failures = new();
    private int _firstAttemptsDone;
    private int _attempts;
    private int _inFlight;
    private int _sendsInFlight;

    public int Calls { get; } = traffic.Calls.Count();

    /// <summary>Time since the load started, the clock every failure is stamped with.</summary>
    public TimeSpan Elapsed => _elapsed.Elapsed;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int SendsInFlight => Volatile.Read(ref _sendsInFlight);

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyCollection<CallFailure> Failures => _failures;

    /// <summary>Makes every call once.</summary>
    public async Task Run()
    {
        _elapsed.Start();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            int script;
            while ((script = Interlocked.Increment(ref next)) < traffic.Scripts.Count)
            {
                foreach (var call in traffic.Scripts[script])
                {
                    await Attempt(call);
                    Interlocked.Increment(ref _firstAttemptsDone);
                }
            }
        }));
    }

    /// <summary>Completes once this share of the calls has been made once: the moment to break something mid-load.</summary>
    public async Task Reached(double share)
    {
        while (Volatile.Read(ref _firstAttemptsDone) < share * Calls)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }

    /// <summary>
    /// Retries each failed call with the same identity until it gets a final answer, each conversation's calls in their
    /// original order (a reply is retried after the customer message that opens its window). Gives up at the deadline,
    /// leaving the call failed for the test to report.
    /// </summary>
    public async Task RetryFailed(TimeSpan timeout)
    {
        var deadline = Elapsed + timeout;
        var unfinished = traffic.Scripts.Select(s => s.Where(call => !_results[call].Final).ToList()).Where(s => s.Count > 0);
        await Parallel.ForEachAsync(unfinished, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (calls, _) =>
        {
            foreach (var call in calls)
            {
                while (!(await Attempt(call)).Final && Elapsed < deadline)
                {
                    await Task.Delay(RetryDelay);
                }
            }
        });
    }

    /// <summary>The latest answer each call got.</summary>
    public CallResult ResultOf(ClientCall call) => _results[call];

    public IEnumerable<(T Call, CallResult Result)> Results<T>() where T : ClientCall =>
        traffic.Calls.OfType<T>().Select(call => (call, _results[call]));

    private async Task<CallResult> Attempt(ClientCall call)
    {
        var send = call is FreeFormReply;
        Interlocked.Increment(ref _inFlight);
        if (send)
        {
            Interlocked.Increment(ref _sendsInFlight);
        }

        CallResult result;
        try
        {
            result = await call.Make();
        }
        catch (Exception e)
        {
            // Whatever broke (a dead silo, an unreachable Redis), the client only knows the call did not answer OK.
            result = CallResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            if (send)
            {
                Interlocked.Decrement(ref _sendsInFlight);
            }
        }

        Interlocked.Increment(ref _attempts);
        _results[call] = result;
        if (!result.Final)
        {
            _failures.Enqueue(new CallFailure(call, Elapsed, result.Detail));
        }

        return result;
    }
}
