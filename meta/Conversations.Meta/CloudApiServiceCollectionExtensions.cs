using System.Net;
using System.Net.Sockets;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Meta;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Conversations.Meta;

public static class CloudApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CloudApiClient"/> as the <see cref="IWhatsAppSender"/> (unless one is already registered),
    /// its options from "Conversations:Meta" validated at start-up, its HttpClient and its retry pipeline.
    /// </summary>
    public static IHttpClientBuilder AddCloudApiClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MetaOptions>().Bind(configuration.GetSection(MetaOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<MetaMetrics>();

        // Why a pipeline over the classified result rather than a resilience handler inside the HttpClient: whether to
        // retry depends on Meta's error code in the body (131000 is retried, 131047 is not, both arrive as HTTP 400), and
        // on whether the request may have reached Meta. Classifying once, in the client, and retrying on that class keeps
        // one source of truth; a handler would re-read bodies in ShouldHandle and, like the standard handler, retry
        // timeouts, which would break at-most-once.
        services.AddResiliencePipeline<string, DispatchResult>(CloudApiClient.PipelineName, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<MetaOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<CloudApiClient>();

            // Backoff waits on the network, not on the domain clock: a fake clock in a test must not freeze it.
            builder.TimeProvider = TimeProvider.System;

            // No timeout strategy: TotalTimeout is a deadline each retry checks (see Retry), so a send that is answered at
            // once arms no timer beyond its attempt's.
            if (options.RateLimitedRetries > 0)
            {
                builder.AddRetry(Retry("rate-limited", MetaErrorClass.RateLimited, options.RateLimitedRetries, options.RateLimitedBaseDelay, options, logger));
            }

            if (options.TransientRetries > 0)
            {
                builder.AddRetry(Retry("transient", MetaErrorClass.Transient, options.TransientRetries, options.TransientBaseDelay, options, logger));
            }
        });

        // One client for the process: every conversation grain takes a sender, and a transient typed client gave each of
        // a million activations its own HttpClient. Safe as a singleton because the handler never expires and its
        // pooled connections are recycled (PooledConnectionLifetime below) to follow DNS.
        services.TryAddSingleton<IWhatsAppSender>(sp => sp.GetRequiredService<CloudApiClient>());
        services.TryAddSingleton<IWhatsAppTemplates>(sp => sp.GetRequiredService<CloudApiClient>());
        return services.AddHttpClient<CloudApiClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<MetaOptions>>().Value;
                http.BaseAddress = options.MessagesBaseAddress;
                // Each attempt has its own timeout; HttpClient's would fire as an indistinct cancellation.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = 1024 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = ConnectWithin(sp.GetRequiredService<IOptions<MetaOptions>>().Value.ConnectTimeout),
                // The sender lives as long as the process, so connections, not handlers, are recycled to follow DNS.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AutomaticDecompression = DecompressionMethods.All,
                // With HttpVersion 2 or h2c: past the server's concurrent-stream limit, open another connection rather than queue.
                EnableMultipleHttp2Connections = true,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // No per-request logging handlers: at broadcast rates their scope and four log calls per request cost more than
            // the request. What matters is logged by CloudApiClient (failures at Warning or Error) and by the retries.
            .RemoveAllLoggers()
            // Should a host add a logger back (AddDefaultLogger), the token still never reaches a log.
            .RedactLoggedHeaders(["Authorization"]);
    }

    /// <summary>
    /// Retries one class of failure with exponential backoff and jitter. The two retry strategies nest (rate-limited
    /// outside transient), so a send makes at most (1 + transient) x (1 + rate-limited) attempts, and the total timeout
    /// bounds that further.
    /// </summary>
    private static RetryStrategyOptions<DispatchResult> Retry(
        string name,
        MetaErrorClass errorClass,
        int retries,
        TimeSpan baseDelay,
        MetaOptions options,
        ILogger logger) => new()
        {
            Name = name,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.ErrorClass == errorClass),
            MaxRetryAttempts = retries,
            Delay = baseDelay,
            MaxDelay = options.MaxRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = args =>
            {
                if (args.Context.Properties.TryGetValue(CloudApiClient.StateKey, out var state))
                {
                    // No new attempt after TotalTimeout. The attempt in flight was never cut (see CloudApiClient.Attempt);
                    // a retry that would start too late ends the send now with the last answer, rather than waiting out
                    // its backoff first.
                    if (state.Elapsed + args.RetryDelay > options.TotalTimeout)
                    {
                        state.StopRetrying();
                        return ValueTask.CompletedTask;
                    }

                    logger.LogInformation(
                        "Retrying {MessageId} to {Customer} in {Delay} ms after {ErrorClass} {Code} {Title} (retry {Retry} of {Retries})",
                        state.Message.MessageId,
                        CustomerNumber.Mask(state.Message.To),
                        (long)args.RetryDelay.TotalMilliseconds,
                        errorClass,
                        args.Outcome.Result?.Error?.Code,
                        args.Outcome.Result?.Error?.Title,
                        args.AttemptNumber + 1,
                        retries);
                }

                return ValueTask.CompletedTask;
            },
        };

    /// <summary>
    /// Connects with its own timeout and reports a timed-out connect as a <see cref="SocketException"/>, which the
    /// handler wraps in an <see cref="HttpRequestException"/> with <see cref="HttpRequestError.ConnectionError"/>: the one
    /// shape <see cref="CloudApiClient.NeverReachedMeta"/> reads as "nothing was sent, safe to retry".
    /// </summary>
    internal static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectWithin(TimeSpan timeout) =>
        async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connect.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, connect.Token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new SocketException((int)SocketError.TimedOut);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
