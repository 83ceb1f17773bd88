namespace Conversations.LoadTest.Scenarios;

/// <summary>Setup's position, written by setup steps and read by the live display.</summary>
public sealed class SetupProgress
{
    private long _done;
    private long _total;

    public string Step { get; private set; } = "";

    public long Done => Interlocked.Read(ref _done);

    public long Total => Interlocked.Read(ref _total);

    public void Begin(string step, long total)
    {
        Step = step;
        Interlocked.Exchange(ref _done, 0);
        Interlocked.Exchange(ref _total, total);
    }

    public void Advance() => Interlocked.Increment(ref _done);
}
