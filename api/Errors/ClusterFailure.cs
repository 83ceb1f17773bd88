using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Orleans.Runtime;
using V1 = Conversations.V1;

namespace Conversations.Api.Errors;

/// <summary>
/// The one classification of infrastructure failures: UNAVAILABLE means "retry with the same idempotency key", which is
/// safe because sends are idempotent. Unary calls get it as their status (ClusterFailureInterceptor), StreamSends as one
/// item's refusal so the other items go on, Subscribe as the status that ends it.
/// </summary>
public sealed record ClusterFailure(StatusCode Code, string Reason)
{
    public static ClusterFailure? Of(Exception exception) => exception switch
    {
        RpcException or OperationCanceledException => null,
        TimeoutException => new(StatusCode.Unavailable, "CLUSTER_TIMEOUT"),
        SiloUnavailableException or OrleansMessageRejectionException => new(StatusCode.Unavailable, "CLUSTER_UNAVAILABLE"),
        Orleans.Storage.InconsistentStateException => new(StatusCode.Aborted, "CONCURRENT_UPDATE"),
        _ => new(StatusCode.Internal, "INTERNAL"),
    };

    public string Message => Code == StatusCode.Internal
        ? "Internal error; nothing was sent unless a retry with the same idempotency key says so."
        : "The conversation cluster is unavailable; retry with the same idempotency key.";

    public V1.Refusal ToRefusal() => new()
    {
        Reason = Reason,
        Message = Message,
        Status = RefusalStatus.UpperSnake(Code.ToString()),
    };

    /// <summary>The status of a failed unary call.</summary>
    public RpcException ToUnaryRpcException() => new Google.Rpc.Status
    {
        Code = (int)Code,
        Message = Message,
        Details = { Any.Pack(new ErrorInfo { Reason = Reason, Domain = ErrorDomain.Name }) },
    }.ToRpcException();

    public RpcException ToRpcException() => new Google.Rpc.Status
    {
        Code = (int)Code,
        Message = Code == StatusCode.Internal ? "Internal error; subscribe again from the last position received." : "The conversation cluster is unavailable; subscribe again from the last position received.",
        Details = { Any.Pack(new ErrorInfo { Reason = Reason, Domain = ErrorDomain.Name }) },
    }.ToRpcException();
}
