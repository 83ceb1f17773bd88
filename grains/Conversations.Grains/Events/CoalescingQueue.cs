namespace Conversations.Grains.Events;

/// <summary>
/// Items written in batches by one loop: whatever is enqueued while a write is under way goes into the next write, up
/// to <c>maxBatch</c> items each, in enqueue order. An item enqueued when nothing is being written is written at once:
/// there is no timer, and waiting only ever happens behind a write. Each caller's task completes (or fails) with the
/// write that held its item, so a caller that awaits one item before enqueueing the next keeps its items in order.
/// </summary>
public sealed class CoalescingQueue<T>
{
    private readonly Func<IReadOnlyList<T>, Task> _write;
    private readonly int _maxBatch;
    private readonly Lock _lock = new();
    private readonly Queue<Batch> _batches = new();
    private Batch? _open;
    private bool _writing;

    public CoalescingQueue(Func<IReadOnlyList<T>, Task> write, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _write = write;
        _maxBatch = maxBatch;
    }

    public Task Enqueue(T item)
    {
        Batch batch;
        bool start;
        lock (_lock)
        {
            if (_open is null || _open.Items.Count == _maxBatch)
            {
                _open = new Batch();
                _batches.Enqueue(_open);
            }

            _open.Items.Add(item);
            batch = _open;
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            // Off the caller's scheduler: a grain's would otherwise run every later batch of this loop.
            _ = Task.Run(WriteAll);
        }

        return batch.Written.Task;
    }

    private async Task WriteAll()
    {
        while (true)
        {
            Batch batch;
            lock (_lock)
            {
                if (!_batches.TryDequeue(out batch!))
                {
                    _writing = false;
                    return;
                }

                if (batch == _open)
                {
                    _open = null;
                }
            }

            try
            {
                await _write(batch.Items);
                batch.Written.SetResult();
            }
            catch (Exception e)
            {
                batch.Written.SetException(e);
            }
        }
    }

    private sealed class Batch
    {
        public List<T> Items { get; } = [];

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
