using System.Net;
using Conversations.Auth;
using Grpc.Net.Client;

namespace Conversations.LoadTest;

/// <summary>One channel for the whole run: every worker multiplexes its calls over its HTTP/2 connections.</summary>
public static class LoadTestChannel
{
    /// <param name="token">The bearer token every call carries; null for an api in development mode (and the relay floor).</param>
    public static GrpcChannel Create(Uri address, string? token = null) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            // Kestrel allows 100 streams per connection; above that the handler opens another connection instead of queueing.
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        },
        // No client retries: a refusal or an UNAVAILABLE is an outcome to count, not something to paper over.
        MaxRetryAttempts = 0,
        DisposeHttpClient = true,
    }.WithBearer(address, token));

    /// <summary>For HTTP/1.1 endpoints, where each request in flight needs a connection of its own.</summary>
    public static HttpClient CreateHttpClient(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
