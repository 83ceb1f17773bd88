using System.Globalization;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Identity;
using Conversations.Grains.Events;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Streaming;

/// <summary>
/// The streaming calls of conversations.v1.ConversationsService; ConversationsService serves the unary ones. Routed by
/// <see cref="ConversationStreamsMethods"/>, so the two classes share one gRPC service without sharing a file.
/// </summary>
public sealed class ConversationStreams(CallerAccess callers, EventFeeds feeds, SendStreams sends, StreamCaps caps, CustomerDirectory customers)
{
    /// <summary>Sent once the subscription is live: the business number's latest position at that moment.</summary>
    public const string LatestPositionHeader = "conversations-latest-position";

    public async Task Subscribe(V1.SubscribeRequest request, IServerStreamWriter<V1.SubscribeResponse> responses, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var number = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        CustomerIds? ids = request.Customer.Length == 0 && request.CustomerUserId.Length == 0
            ? null
            : CustomerIds.FromCaller(request.Customer, request.CustomerUserId).OrThrow();
        long? after = request.HasAfterPosition ? AfterPosition(request.AfterPosition) : null;
        try
        {
            // Authorized once, when the subscription starts: a stream is one request.
            var access = callers.Of(context);
            var profile = await access.Number(number);
            var customer = ids is { } named
                ? (await customers.KeyOf(number, profile.PortfolioId, named, record: false, fromMeta: false, cancellationToken)).OrThrow().Customer
                : null;
            // Only a call that may subscribe takes a slot; it is given back once the feed below has unsubscribed.
            using var slot = caps.Subscribe.Take(access.CallerId).OrThrow();
            await using var feed = (await feeds.Subscribe(number, customer, after, cancellationToken)).OrThrow();
            await context.WriteResponseHeadersAsync(new Metadata
            {
                { LatestPositionHeader, feed.LatestPositionAtStart.ToString(CultureInfo.InvariantCulture) },
            });
            await foreach (var feedEvent in feed.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(feedEvent.ToProto(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The subscriber went away; disposing the feed above unsubscribed it.
        }
        catch (Exception e) when (ClusterFailure.Of(e) is { } failure)
        {
            throw failure.ToRpcException();
        }
    }

    public async Task StreamSends(IAsyncStreamReader<V1.StreamSendsRequest> requests, IServerStreamWriter<V1.StreamSendsResponse> responses, ServerCallContext context)
    {
        var access = callers.Of(context);
        // Taken before the first request is read; each item's number is authorized as it comes.
        using var slot = caps.StreamSends.Take(access.CallerId).OrThrow();
        await sends.Run(
            requests.ReadAllAsync(context.CancellationToken),
            (outcome, cancellationToken) => responses.WriteAsync(outcome, cancellationToken),
            access,
            context.CancellationToken);
    }

    private static long AfterPosition(ulong position) => position <= long.MaxValue
        ? (long)position
        : throw Refusal.Of(RefusalReason.InvalidField, "after_position is not a position this service hands out.", ("field", "after_position")).ToRpcException();
}
