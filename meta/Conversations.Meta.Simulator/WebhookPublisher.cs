using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Posts signed webhooks to the configured URL, retrying a few times with a doubling pause. Nothing it does throws into
/// its caller or the host: a receiver that is down costs a logged warning, as it would cost Meta a retry.
/// </summary>
public sealed class WebhookPublisher : IAsyncDisposable
{
    private readonly MetaSimulatorOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _background = new();
    private long _nextId;

    public WebhookPublisher(MetaSimulatorOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Posts one webhook; true when the receiver answered 2xx within the configured tries.</summary>
    public async Task<bool> Post(JsonObject payload, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var signature = WebhookSigner.Sign(body, _options.AppSecret);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var pause = _options.WebhookRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl)
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                request.Headers.Add(WebhookSigner.Header, signature);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(_options.WebhookTimeout);
                using var response = await _http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    _logger.LogDebug("Meta simulator posted {Webhook} to {WebhookUrl}", what, _options.WebhookUrl);
                    return true;
                }

                _logger.LogWarning(
                    "Meta simulator: {WebhookUrl} answered {Status} to {Webhook} (try {Attempt} of {Attempts})",
                    _options.WebhookUrl,
                    (int)response.StatusCode,
                    what,
                    attempt,
                    _options.WebhookAttempts);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                _logger.LogWarning(
                    "Meta simulator could not post {Webhook} to {WebhookUrl} (try {Attempt} of {Attempts}): {Error}",
                    what,
                    _options.WebhookUrl,
                    attempt,
                    _options.WebhookAttempts,
                    e.Message);
            }

            if (attempt >= _options.WebhookAttempts)
            {
                _logger.LogError("Meta simulator gave up posting {Webhook} to {WebhookUrl} after {Attempts} tries", what, _options.WebhookUrl, attempt);
                return false;
            }

            try
            {
                await Task.Delay(pause, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            pause *= 2;
        }
    }

    /// <summary>Runs a webhook timeline in the background; it stops when the simulator does.</summary>
    public void Run(Func<CancellationToken, Task> timeline)
    {
        var id = Interlocked.Increment(ref _nextId);
        var task = Task.Run(async () =>
        {
            try
            {
                await timeline(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Meta simulator: a webhook timeline failed");
            }
        });
        _background[id] = task;
        _ = task.ContinueWith(_ => _background.TryRemove(id, out Task? _), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_background.Values).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Meta simulator stopped with webhook timelines still running");
        }

        _http.Dispose();
        _stopping.Dispose();
    }
}
