using System.Globalization;
using System.Threading.RateLimiting;
using Conversations.Abstractions.Refusals;

namespace Conversations.Api.Streaming;

/// <summary>
/// The concurrent calls of one streaming RPC: at most <c>perCaller</c> for each caller and <c>perProcess</c> in this
/// process. A call holds its slot until it ends, however it ends, so one caller cannot hold every stream the process
/// can serve, and the process never serves more than it was sized for. A full cap refuses the call at once
/// (STREAMS_EXHAUSTED, naming the cap); nothing waits in a queue.
/// </summary>
public sealed class StreamSlots : IDisposable
{
    private readonly string _rpc;
    private readonly int _perCaller;
    private readonly int _perProcess;
    private readonly PartitionedRateLimiter<string> _callers;
    private readonly ConcurrencyLimiter _process;

    public StreamSlots(string rpc, int perCaller, int perProcess)
    {
        _rpc = rpc;
        _perCaller = perCaller;
        _perProcess = perProcess;
        // One limiter per caller, made on first use; the partitioned limiter drops a caller's once it has been idle a while.
        _callers = PartitionedRateLimiter.Create<string, string>(
            caller => RateLimitPartition.GetConcurrencyLimiter(caller, _ => Options(perCaller)),
            StringComparer.Ordinal);
        _process = new ConcurrencyLimiter(Options(perProcess));
    }

    /// <summary>Calls holding a slot now, every caller's together.</summary>
    public int Open => _perProcess - (int)_process.GetStatistics()!.CurrentAvailablePermits;

    /// <summary>A slot for one call of <paramref name="caller"/>, to dispose when the call ends; refused when a cap is full.</summary>
    public Result<IDisposable> Take(string caller)
    {
        var own = _callers.AttemptAcquire(caller);
        if (!own.IsAcquired)
        {
            own.Dispose();
            return Exhausted("caller", _perCaller, $"This caller already holds {_perCaller} {_rpc} streams, as many as one caller may; end one first.");
        }

        var shared = _process.AttemptAcquire();
        if (!shared.IsAcquired)
        {
            shared.Dispose();
            own.Dispose();
            return Exhausted("process", _perProcess, $"This api process already serves {_perProcess} {_rpc} streams, as many as it may; retry later, or at another api process.");
        }

        return Result<IDisposable>.Ok(new Slot(own, shared));
    }

    public void Dispose()
    {
        _callers.Dispose();
        _process.Dispose();
    }

    private static ConcurrencyLimiterOptions Options(int permits) => new() { PermitLimit = permits, QueueLimit = 0 };

    private Refusal Exhausted(string cap, int limit, string message) => Refusal.Of(
        RefusalReason.StreamsExhausted,
        message,
        ("rpc", _rpc),
        ("cap", cap),
        ("limit", limit.ToString(CultureInfo.InvariantCulture)));

    private sealed class Slot(RateLimitLease own, RateLimitLease shared) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                shared.Dispose();
                own.Dispose();
            }
        }
    }
}
