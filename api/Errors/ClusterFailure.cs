using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Orleans.Runtime;
using Orleans.Serialization;
using V1 = Conversations.V1;

namespace Conversations.Api.Errors;

/// <summary>
/// The one classification of infrastructure failures: UNAVAILABLE means "retry with the same idempotency key", which is
/// safe because sends are idempotent. Unary calls get it as their status (ClusterFailureInterceptor), StreamSends as one
/// item's refusal so the other items go on, Subscribe as the status that ends it.
/// </summary>
public sealed record ClusterFailure(StatusCode Code, string Reason)
{
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
    public const string ClusterUnavailable = "CLUSTER_UNAVAILABLE";
    public const string ClusterTimeout = "CLUSTER_TIMEOUT";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";
    public const string Internal = "INTERNAL";

    /// <summary>Whole seconds an UNAVAILABLE caller is told to wait before retrying: Redis reconnects or a silo takes over in about that.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Every reason this record gives, with its status: the README's error table lists them after the refusals.</summary>
    public static IReadOnlyList<ClusterFailure> All { get; } =
    [
        new(StatusCode.Unavailable, StorageUnavailable),
        new(StatusCode.Unavailable, ClusterUnavailable),
        new(StatusCode.Unavailable, ClusterTimeout),
        new(StatusCode.Aborted, ConcurrentUpdate),
        new(StatusCode.Internal, Internal),
    ];

    /// <summary>
    /// Redis clients' and Orleans' Redis providers' failures, by name: after a hop between silos an exception whose type
    /// the receiver cannot load arrives as Orleans' fallback exception carrying only the name. The providers wrap
    /// StackExchange.Redis' connection and timeout errors in these (sometimes with the cause in the message only).
    /// </summary>
    private static readonly HashSet<string> s_storageFailures =
    [
        typeof(Abstractions.Grains.StorageUnavailableException).FullName!,
        "StackExchange.Redis.RedisConnectionException",
        "StackExchange.Redis.RedisTimeoutException",
        "Orleans.Persistence.Redis.RedisStorageException",
        "Orleans.Reminders.Redis.RedisRemindersException",
        "Orleans.Clustering.Redis.RedisClusteringException",
    ];

    /// <summary>The failure a caller is told about, or null for what is not an infrastructure failure (a status already chosen, a cancellation).</summary>
    public static ClusterFailure? Of(Exception exception)
    {
        if (exception is RpcException or OperationCanceledException)
        {
            return null;
        }

        // The cause may sit under the exceptions Orleans wraps it in (a storage provider's error inside an OrleansException).
        var chain = Chain(exception).ToList();
        if (chain.Any(e => e is Orleans.Storage.InconsistentStateException))
        {
            return new(StatusCode.Aborted, ConcurrentUpdate);
        }

        if (chain.Any(IsStorageFailure))
        {
            return new(StatusCode.Unavailable, StorageUnavailable);
        }

        if (chain.Any(e => e is SiloUnavailableException or OrleansMessageRejectionException))
        {
            return new(StatusCode.Unavailable, ClusterUnavailable);
        }

        return chain.Any(e => e is TimeoutException)
            ? new(StatusCode.Unavailable, ClusterTimeout)
            : new(StatusCode.Internal, Internal);
    }

    public string Message => Code switch
    {
        StatusCode.Internal => "Internal error; nothing was sent unless a retry with the same idempotency key says so.",
        StatusCode.Unavailable when Reason == StorageUnavailable =>
            $"Storage is unavailable; retry after {RetryAfterSeconds} s with the same idempotency key.",
        StatusCode.Unavailable => $"The conversation cluster is unavailable; retry after {RetryAfterSeconds} s with the same idempotency key.",
        _ => "Two updates of the same conversation raced; retry with the same idempotency key.",
    };

    /// <summary>retry_after (whole seconds) for the failures a retry cures, as rate-limit refusals carry it.</summary>
    public Dictionary<string, string> Metadata => Code == StatusCode.Unavailable
        ? new Dictionary<string, string> { ["retry_after"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture) }
        : new Dictionary<string, string>();

    public V1.Refusal ToRefusal() => new()
    {
        Reason = Reason,
        Message = Message,
        Status = RefusalStatus.UpperSnake(Code.ToString()),
        Metadata = { Metadata },
    };

    /// <summary>The status of a failed unary call.</summary>
    public RpcException ToUnaryRpcException() => ToRpcException(Message);

    /// <summary>The status that ends a Subscribe stream.</summary>
    public RpcException ToRpcException() => ToRpcException(Code == StatusCode.Internal
        ? "Internal error; subscribe again from the last position received."
        : $"The conversation cluster is unavailable; subscribe again from the last position received after {RetryAfterSeconds} s.");

    private RpcException ToRpcException(string message) => new Google.Rpc.Status
    {
        Code = (int)Code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = Reason, Domain = ErrorDomain.Name, Metadata = { Metadata } }) },
    }.ToRpcException();

    private static bool IsStorageFailure(Exception exception) =>
        s_storageFailures.Contains(exception is UnavailableExceptionFallbackException fallback
            ? fallback.ExceptionType ?? ""
            : exception.GetType().FullName ?? "");

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
