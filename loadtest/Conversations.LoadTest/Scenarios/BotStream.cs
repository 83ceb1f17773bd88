using System.Collections.Concurrent;
using Conversations.V1;
using Grpc.Core;

namespace Conversations.LoadTest.Scenarios;

/// <summary>
/// One bot's StreamSends call: many senders write requests, one reader hands each outcome to the sender waiting for
/// its correlation id. A gRPC request stream takes one write at a time, so writes queue on a semaphore.
/// </summary>
public sealed class BotStream : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<StreamSendsRequest, StreamSendsResponse> _call;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamSendsResponse>> _waiting = new(StringComparer.Ordinal);
    private readonly Task _reading;
    private volatile Exception? _broken;

    public BotStream(V1.ConversationsService.ConversationsServiceClient client)
    {
        _call = client.StreamSends();
        _reading = ReadAsync();
    }

    /// <summary>The outcome the server sent for this request's correlation id; throws when the stream ended first.</summary>
    public async Task<StreamSendsResponse> SendAsync(StreamSendsRequest request, CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<StreamSendsResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[request.CorrelationId] = outcome;
        if (_broken is { } broken)
        {
            _waiting.TryRemove(request.CorrelationId, out _);
            throw broken;
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            await _call.RequestStream.WriteAsync(request, cancellationToken);
        }
        catch
        {
            _waiting.TryRemove(request.CorrelationId, out _);
            throw;
        }
        finally
        {
            _writing.Release();
        }

        return await outcome.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var outcome in _call.ResponseStream.ReadAllAsync())
            {
                if (_waiting.TryRemove(outcome.CorrelationId, out var waiting))
                {
                    waiting.TrySetResult(outcome);
                }
            }

            Break(new RpcException(new Status(StatusCode.Unavailable, "The server ended the StreamSends call.")));
        }
        catch (Exception e)
        {
            Break(e);
        }
    }

    /// <summary>Every sender still waiting fails with the stream's end, so none hangs until the drain limit.</summary>
    private void Break(Exception reason)
    {
        _broken = reason;
        foreach (var key in _waiting.Keys)
        {
            if (_waiting.TryRemove(key, out var waiting))
            {
                waiting.TrySetException(reason);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writing.WaitAsync();
        try
        {
            await _call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // Already ended by the server; the reader has recorded why.
        }

        await _reading.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _call.Dispose();
        _writing.Dispose();
    }
}
