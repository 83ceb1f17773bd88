using System.Collections.Concurrent;
using Conversations.Grains.Events;

namespace Conversations.Grains.Tests.Events;

public sealed class CoalescingQueueTests
{
    /// <summary>Writes that record their items; the first waits for the test, so what is enqueued meanwhile piles up.</summary>
    private sealed class HeldWrites
    {
        public FirstCallGate Gate { get; } = new();

        public ConcurrentQueue<IReadOnlyList<int>> Writes { get; } = new();

        public async Task Write(IReadOnlyList<int> items)
        {
            Writes.Enqueue([.. items]);
            await Gate.Pass();
        }
    }

    /// <summary>A queue whose first item's write is under way and held.</summary>
    private static async Task<(HeldWrites Store, CoalescingQueue<int> Queue, Task First)> FirstWriteHeld(int maxBatch)
    {
        var store = new HeldWrites();
        var queue = new CoalescingQueue<int>(store.Write, maxBatch);
        var first = queue.Enqueue(0);
        await store.Gate.FirstHeld.Task;
        return (store, queue, first);
    }

    [Fact]
    public async Task What_is_enqueued_while_a_write_is_under_way_goes_in_one_next_write()
    {
        // Arrange
        var (store, queue, first) = await FirstWriteHeld(maxBatch: 500);

        // Act: 199 publishers at once, from the thread pool.
        var rest = new Task[199];
        Parallel.For(1, 200, i => rest[i - 1] = queue.Enqueue(i));
        store.Gate.Release();
        await Task.WhenAll([first, .. rest]);

        // Assert: two writes for 200 items.
        Assert.Equal([1, 199], store.Writes.Select(w => w.Count));
        Assert.Equal(Enumerable.Range(1, 199), store.Writes.Last().Order());
    }

    [Fact]
    public async Task A_write_holds_at_most_the_batch_size_and_the_rest_follow_in_order()
    {
        var (store, queue, first) = await FirstWriteHeld(maxBatch: 10);

        var rest = Enumerable.Range(1, 34).Select(queue.Enqueue).ToList();
        store.Gate.Release();
        await Task.WhenAll([first, .. rest]);

        Assert.Equal([1, 10, 10, 10, 4], store.Writes.Select(w => w.Count));
        Assert.Equal(Enumerable.Range(0, 35), store.Writes.SelectMany(w => w));
    }

    [Fact]
    public async Task A_failed_write_fails_only_its_own_items_and_later_items_are_still_written()
    {
        var written = new List<int>();
        var queue = new CoalescingQueue<int>(
            items => items.Contains(13) ? Task.FromException(new InvalidOperationException("store down")) : Task.Run(() => written.AddRange(items)),
            maxBatch: 1);

        var failed = queue.Enqueue(13);
        var later = queue.Enqueue(14);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        await later;
        Assert.Equal([14], written);
    }

    [Fact]
    public async Task Each_caller_awaiting_its_items_one_by_one_finds_them_written_once_in_its_order()
    {
        // Arrange: twenty conversations, each publishing fifty events one after another, all at once.
        var written = new ConcurrentQueue<(int Conversation, int Sequence)>();
        var queue = new CoalescingQueue<(int Conversation, int Sequence)>(
            async items =>
            {
                await Task.Yield();
                foreach (var item in items)
                {
                    written.Enqueue(item);
                }
            },
            maxBatch: 500);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 20).Select(conversation => Task.Run(async () =>
        {
            for (var sequence = 1; sequence <= 50; sequence++)
            {
                await queue.Enqueue((conversation, sequence));
            }
        })));

        // Assert: every event once, each conversation's in sequence order.
        Assert.Equal(1_000, written.Count);
        foreach (var conversation in written.GroupBy(w => w.Conversation))
        {
            Assert.Equal(Enumerable.Range(1, 50), conversation.Select(w => w.Sequence));
        }
    }
}
