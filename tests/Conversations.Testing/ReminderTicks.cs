using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;

namespace Conversations.Testing;

/// <summary>
/// A silo call filter that reports each reminder tick a grain has finished handling, so a test advances the fake clock
/// and awaits the tick itself instead of sleeping for a guessed time to show the tick changed nothing.
/// </summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<TaskCompletionSource, (GrainId Grain, string Reminder)> _watchers = new();

    /// <summary>
    /// Completes when <paramref name="grain"/> has finished handling a tick of <paramref name="reminder"/> that starts after
    /// this call; call it before advancing the clock.
    /// </summary>
    public Task Next(GrainId grain, string reminder)
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _watchers[handled] = (grain, reminder);
        return handled.Task;
    }

    /// <summary>Register with <c>silo.AddIncomingGrainCallFilter(ticks.Invoke)</c>.</summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (context.InterfaceMethod?.DeclaringType == typeof(IRemindable) && context.Request.GetArgument(0) is string reminder)
            {
                foreach (var (watcher, watched) in _watchers)
                {
                    if (watched == (context.TargetId, reminder) && _watchers.TryRemove(watcher, out _))
                    {
                        watcher.TrySetResult();
                    }
                }
            }
        }
    }
}
