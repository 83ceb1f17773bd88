using System.Collections.Concurrent;

namespace Conversations.Testing;

/// <summary>
/// Runs async code one posted continuation at a time, on the test's thread, when the test says so. Once
/// <see cref="RunUntilIdle"/> returns, every continuation that could run has run: the code is blocked on something only
/// the test can release, so a test proves "nothing more happens" without sleeping.
/// </summary>
public sealed class ManualSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _posted = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Calls <paramref name="start"/> on this context, so what it awaits comes back here.</summary>
    public T Start<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Runs posted continuations, and those they post, until none is left.</summary>
    public void RunUntilIdle() => Start(() =>
    {
        while (_posted.TryDequeue(out var posted))
        {
            posted.Callback(posted.State);
        }

        return 0;
    });

    /// <summary>Runs continuations as they arrive until <paramref name="task"/> completes, for at most <paramref name="bound"/>.</summary>
    public Task RunUntil(Task task, TimeSpan bound) => RunUntil(() => task.IsCompleted, bound);

    /// <summary>
    /// Runs continuations as they arrive until <paramref name="reached"/> holds, for at most <paramref name="bound"/>. Work
    /// that hops through the thread pool (a <c>ConfigureAwait(false)</c> inside a library) comes back here later, so
    /// reach a known state this way before <see cref="RunUntilIdle"/> shows that nothing follows it.
    /// </summary>
    public async Task RunUntil(Func<bool> reached, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            RunUntilIdle();
            if (reached())
            {
                return;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"The awaited state was not reached within {bound}.");
            }
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        _posted.Enqueue((d, state));
        _arrived.Release();
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Only posted work runs here.");

    public override SynchronizationContext CreateCopy() => this;
}
