namespace Conversations.Grains.Tests.Events;

/// <summary>Holds the first call that passes it until the test releases it, so later calls pile up behind that one.</summary>
public sealed class FirstCallGate
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    /// <summary>Completes once the first call is being held.</summary>
    public TaskCompletionSource FirstHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Pass()
    {
        if (Interlocked.Increment(ref _calls) != 1)
        {
            return Task.CompletedTask;
        }

        FirstHeld.SetResult();
        return _release.Task;
    }

    public void Release() => _release.SetResult();
}
