using System.Threading.Channels;

namespace Conversations.Api.Streaming;

/// <summary>
/// Runs a stream of requests with at most <c>maxInFlight</c> under way, requests with the same order key one after
/// another in arrival order, and at most <c>outcomeBuffer</c> outcomes waiting for the writer. A slow writer therefore
/// fills the buffer, then holds every slot, then stops the reading of requests: backpressure reaches the client.
/// Cancelling, or a failing writer, ends the reading, lets the sends under way finish and completes the buffer.
/// </summary>
public static class SendPipeline
{
    public static async Task Run<TRequest, TOutcome>(
        IAsyncEnumerable<TRequest> requests,
        Func<TRequest, string?> orderKey,
        Func<TRequest, CancellationToken, Task<TOutcome>> send,
        Func<TOutcome, CancellationToken, Task> write,
        int maxInFlight,
        int outcomeBuffer,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = Channel.CreateBounded<TOutcome>(new BoundedChannelOptions(outcomeBuffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var writing = WriteAll(outcomes.Reader, write, stop);
        try
        {
            await ReadAll(requests, orderKey, send, outcomes.Writer, maxInFlight, stop.Token);
            outcomes.Writer.TryComplete();
        }
        catch (Exception e)
        {
            outcomes.Writer.TryComplete(e);
            await stop.CancelAsync();
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await writing;
    }

    private static async Task ReadAll<TRequest, TOutcome>(
        IAsyncEnumerable<TRequest> requests,
        Func<TRequest, string?> orderKey,
        Func<TRequest, CancellationToken, Task<TOutcome>> send,
        ChannelWriter<TOutcome> outcomes,
        int maxInFlight,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(maxInFlight);
        var running = new List<Task>();
        var lastOfKey = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            await foreach (var request in requests.WithCancellation(cancellationToken))
            {
                await slots.WaitAsync(cancellationToken);
                var key = orderKey(request);
                var previous = key is not null && lastOfKey.TryGetValue(key, out var last) ? last : Task.CompletedTask;
                var sending = SendOne(request, previous, send, outcomes, slots, cancellationToken);
                if (key is not null)
                {
                    lastOfKey[key] = sending;
                }

                running.Add(sending);
                if (running.Count > 2 * maxInFlight)
                {
                    Forget(running, lastOfKey);
                }
            }
        }
        catch
        {
            // The slots and the buffer must outlive every send that uses them.
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await Task.WhenAll(running);
    }

    private static async Task SendOne<TRequest, TOutcome>(
        TRequest request,
        Task previous,
        Func<TRequest, CancellationToken, Task<TOutcome>> send,
        ChannelWriter<TOutcome> outcomes,
        SemaphoreSlim slots,
        CancellationToken cancellationToken)
    {
        try
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var outcome = await send(request, cancellationToken);
            await outcomes.WriteAsync(outcome, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private static async Task WriteAll<TOutcome>(ChannelReader<TOutcome> outcomes, Func<TOutcome, CancellationToken, Task> write, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var outcome in outcomes.ReadAllAsync(stop.Token))
            {
                await write(outcome, stop.Token);
            }
        }
        catch
        {
            // Nobody reads outcomes any more: stop reading requests and sending.
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>Drops finished sends so a long stream's bookkeeping stays as small as its sends under way.</summary>
    private static void Forget(List<Task> running, Dictionary<string, Task> lastOfKey)
    {
        running.RemoveAll(t => t.IsCompletedSuccessfully);
        foreach (var (key, task) in lastOfKey)
        {
            if (task.IsCompletedSuccessfully)
            {
                lastOfKey.Remove(key);
            }
        }
    }
}
