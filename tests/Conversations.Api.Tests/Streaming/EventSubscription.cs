using System.Collections.Concurrent;
using System.Globalization;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

/// <summary>A Subscribe call read in the background, as a bot would hold it open; disposing it cancels the call.</summary>
public sealed class EventSubscription : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<V1.SubscribeResponse> _call;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private EventSubscription(AsyncServerStreamingCall<V1.SubscribeResponse> call, long latestPosition)
    {
        _call = call;
        LatestPositionAtStart = latestPosition;
        _reading = Task.Run(async () =>
        {
            await foreach (var conversationEvent in call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                Received.Enqueue(conversationEvent);
            }
        });
    }

    public ConcurrentQueue<V1.SubscribeResponse> Received { get; } = new();

    public long LatestPositionAtStart { get; }

    /// <summary>Returns once the subscription is live (the server sent its headers).</summary>
    public static Task<EventSubscription> Start(ApiFactory api, string businessNumberId, string? customer = null, ulong? afterPosition = null) =>
        Start(api.Conversations, businessNumberId, customer, afterPosition);

    /// <summary>As a client with its own token subscribes.</summary>
    public static async Task<EventSubscription> Start(V1.ConversationsService.ConversationsServiceClient client, string businessNumberId, string? customer = null, ulong? afterPosition = null)
    {
        var request = new V1.SubscribeRequest { BusinessNumberId = businessNumberId, Customer = customer ?? "" };
        if (afterPosition is { } after)
        {
            request.AfterPosition = after;
        }

        var call = client.Subscribe(request);
        var headers = await call.ResponseHeadersAsync;
        return new EventSubscription(call, long.Parse(headers.GetValue("conversations-latest-position")!, CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<V1.SubscribeResponse>> WaitFor(Func<IReadOnlyList<V1.SubscribeResponse>, bool> condition) =>
        await Eventually.Until(() => Task.FromResult<IReadOnlyList<V1.SubscribeResponse>>([.. Received]), condition, TimeSpan.FromSeconds(10));

    public Task<IReadOnlyList<V1.SubscribeResponse>> WaitFor(V1.ConversationEventKind kind, int count = 1) =>
        WaitFor(events => events.Count(e => e.Kind == kind) >= count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
        }

        _call.Dispose();
        _stop.Dispose();
    }
}
