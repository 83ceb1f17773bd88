using Grpc.Core;
using Grpc.Core.Interceptors;

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
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        // A cancellation the caller did not ask for is our failure, not theirs.
        var failure = ClusterFailure.Of(exception)
            ?? (exception is OperationCanceledException ? new ClusterFailure(StatusCode.Internal, "INTERNAL") : null);
        if (failure is null)
        {
            return null;
        }

        logger.LogError(exception, "{Method} failed with {Reason} (trace {TraceId})", context.Method, failure.Reason, System.Diagnostics.Activity.Current?.TraceId.ToString());
        return failure.ToUnaryRpcException();
    }
}
