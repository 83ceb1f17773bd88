using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime;

namespace Conversations.Api.Errors;

/// <summary>
/// Turns infrastructure failures into statuses a caller can act on: UNAVAILABLE means "retry with the same
/// idempotency key", which is safe because sends are idempotent. Internals never leak into messages.
/// </summary>
public sealed class ClusterFailureInterceptor(ILogger<ClusterFailureInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Translate(e, context) is { } translated)
        {
            throw translated;
        }
    }

    private RpcException? Translate(Exception exception, ServerCallContext context)
    {
        if (exception is RpcException)
        {
            return null;
        }

        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        var (code, reason) = exception switch
        {
            TimeoutException => (StatusCode.Unavailable, "CLUSTER_TIMEOUT"),
            SiloUnavailableException or OrleansMessageRejectionException => (StatusCode.Unavailable, "CLUSTER_UNAVAILABLE"),
            Orleans.Storage.InconsistentStateException => (StatusCode.Aborted, "CONCURRENT_UPDATE"),
            _ => (StatusCode.Internal, "INTERNAL"),
        };
        logger.LogError(exception, "{Method} failed with {Reason}", context.Method, reason);
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = code == StatusCode.Internal
                ? "Internal error; nothing was sent unless a retry with the same idempotency key says so."
                : "The conversation cluster is unavailable; retry with the same idempotency key.",
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorDomain.Name }) },
        };
        return status.ToRpcException();
    }
}
