using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Conversations.Api.Streaming;
using Conversations.Testing;

namespace Conversations.Api.Tests.Streaming;

public sealed class SendPipelineTests
{
    [Fact]
    public async Task A_writer_that_stops_taking_outcomes_stops_the_reading_of_requests()
    {
        // Arrange: 4 sends under way at most, 8 outcomes buffered, and a writer stuck on its first outcome.
        var source = new CountingSource(1_000);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = 0;
        var pipeline = new ManualSynchronizationContext();

        // Act
        var run = pipeline.Start(() => SendPipeline.Run(
            source.Read(),
            _ => null,
            (request, _) => Task.FromResult(request),
            async (_, cancellationToken) =>
            {
                await release.Task.WaitAsync(cancellationToken);
                Interlocked.Increment(ref written);
            },
            maxInFlight: 4,
            outcomeBuffer: 8,
            CancellationToken.None));
        await pipeline.RunUntil(() => source.Pulled >= 14, TimeSpan.FromSeconds(20));
        pipeline.RunUntilIdle();

        // Assert: the writer holds 1, the buffer 8, the sends 4, and the reader 1 waiting for a send slot; with every
        // continuation that could follow run, no more is read.
        Assert.Equal(14, source.Pulled);
        release.SetResult();
        await pipeline.RunUntil(run, TimeSpan.FromSeconds(20));
        await run;
        Assert.Equal(1_000, written);
    }

    [Fact]
    public async Task Requests_with_the_same_key_are_sent_one_after_another_in_request_order()
    {
        var started = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var underWay = new ConcurrentDictionary<string, int>();
        var overlaps = 0;

        await SendPipeline.Run(
            new CountingSource(60).Read(),
            request => (request % 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            async (request, _) =>
            {
                var key = (request % 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (underWay.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                started.GetOrAdd(key, _ => new()).Enqueue(request);
                await Task.Delay(Random.Shared.Next(0, 3));
                underWay.AddOrUpdate(key, 0, (_, n) => n - 1);
                return request;
            },
            (_, _) => Task.CompletedTask,
            maxInFlight: 8,
            outcomeBuffer: 4,
            CancellationToken.None);

        Assert.Equal(0, overlaps);
        Assert.All(started.Values, order => Assert.Equal(order.Order(), order));
        Assert.Equal(60, started.Values.Sum(q => q.Count));
    }

    [Fact]
    public async Task Cancelling_ends_the_run_and_no_send_outlives_it()
    {
        using var cancel = new CancellationTokenSource();
        var underWay = 0;
        var run = SendPipeline.Run(
            new CountingSource(100).Read(),
            _ => null,
            async (request, cancellationToken) =>
            {
                Interlocked.Increment(ref underWay);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return request;
                }
                finally
                {
                    Interlocked.Decrement(ref underWay);
                }
            },
            (_, _) => Task.CompletedTask,
            maxInFlight: 4,
            outcomeBuffer: 4,
            cancel.Token);
        await Eventually.Until(() => Task.FromResult(Volatile.Read(ref underWay)), n => n == 4);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, Volatile.Read(ref underWay));
    }

    private sealed class CountingSource(int count)
    {
        private int _pulled;

        public int Pulled => Volatile.Read(ref _pulled);

        public async IAsyncEnumerable<int> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref _pulled);
                yield return i;
                await Task.Yield();
            }
        }
    }
}
