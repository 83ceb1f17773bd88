using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells a test when code starts a <c>Task.Delay</c> on it. Time stands still
/// until the test advances it, so once the delay has begun the code is provably parked: a test waits for that instead
/// of sleeping to see that nothing happened.
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TaskCompletionSource, TimeSpan> _watchers = new();

    /// <summary>Completes when a delay of exactly <paramref name="dueTime"/> starts on this clock after the call.</summary>
    public Task NextDelay(TimeSpan dueTime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _watchers[started] = dueTime;
        return started.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);

        // Task.Delay passes its own promise as the state of a one-shot timer; periodic timers are not delays.
        if (state is Task && period == Timeout.InfiniteTimeSpan)
        {
            foreach (var (watcher, watched) in _watchers)
            {
                if (watched == dueTime && _watchers.TryRemove(watcher, out _))
                {
                    watcher.TrySetResult();
                }
            }
        }

        return timer;
    }
}
