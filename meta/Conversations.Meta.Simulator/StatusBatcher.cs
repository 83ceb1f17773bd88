using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Posts statuses as Meta may: several per webhook. A due status joins one of
/// <see cref="MetaSimulatorOptions.StatusPostsInFlight"/> lanes, chosen by its conversation, so one conversation's
/// statuses keep their order while lanes post in parallel. Each lane takes what is queued (up to
/// <see cref="MetaSimulatorOptions.StatusBatchSize"/>, waiting at most <see cref="MetaSimulatorOptions.StatusBatchDelay"/>
/// after the first for more) and posts it as one payload, grouped by WABA (entries) and number (changes).
/// </summary>
public sealed class StatusBatcher : IAsyncDisposable
{
    private readonly MetaSimulatorOptions _options;
    private readonly WebhookPublisher _webhooks;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<QueuedStatus>[] _lanes;
    private readonly Task[] _posting;

    public StatusBatcher(MetaSimulatorOptions options, WebhookPublisher webhooks, ILogger logger)
    {
        _options = options;
        _webhooks = webhooks;
        _logger = logger;
        _lanes = [.. Enumerable.Range(0, options.StatusPostsInFlight).Select(_ => Channel.CreateUnbounded<QueuedStatus>(new UnboundedChannelOptions { SingleReader = true }))];
        _posting = [.. _lanes.Select(lane => Task.Run(() => Drain(lane.Reader)))];
    }

    public void Enqueue(QueuedStatus status)
    {
        var lane = (uint)HashCode.Combine(status.PhoneNumberId, status.Recipient) % (uint)_lanes.Length;
        _lanes[lane].Writer.TryWrite(status);
    }

    private async Task Drain(ChannelReader<QueuedStatus> reader)
    {
        var stopping = _stopping.Token;
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                var batch = await Gather(reader, stopping);
                await _webhooks.Post(WebhookPayloads.Statuses(batch), $"{batch.Count} statuses", stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Meta simulator: a status lane stopped");
        }
    }

    private async Task<List<QueuedStatus>> Gather(ChannelReader<QueuedStatus> reader, CancellationToken stopping)
    {
        var batch = new List<QueuedStatus>(_options.StatusBatchSize);
        using var gathering = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        gathering.CancelAfter(_options.StatusBatchDelay);
        try
        {
            while (batch.Count < _options.StatusBatchSize)
            {
                if (reader.TryRead(out var status))
                {
                    batch.Add(status);
                }
                else if (!await reader.WaitToReadAsync(gathering.Token))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The batch waited long enough for company: post what it has.
        }

        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_posting);
        _stopping.Dispose();
    }
}
