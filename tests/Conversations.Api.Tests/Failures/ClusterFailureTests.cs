using Conversations.Abstractions.Grains;
using Conversations.Api.Errors;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Persistence.Redis;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Conversations.Api.Tests.Failures;

/// <summary>
/// What each infrastructure exception becomes for a caller, as thrown and after the hop between silos (Orleans'
/// serializer), which may turn an exception type the receiver does not know into a fallback carrying only its name.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterFailureTests(ApiFactory api)
{
    /// <summary>The serializer the api's silo and client exchange grain calls with.</summary>
    private Serializer Serializer => api.Services.GetRequiredService<Serializer>();

    /// <summary>What a call may fail with inside one process (the api's embedded silo hands exceptions over as they are).</summary>
    public static TheoryData<string, Exception, StatusCode, string> Thrown
    {
        get
        {
            var data = new TheoryData<string, Exception, StatusCode, string>
            {
                { "redis connection", new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, "No connection is active", null, CommandStatus.WaitingToBeSent), StatusCode.Unavailable, "STORAGE_UNAVAILABLE" },
                { "redis timeout", new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent), StatusCode.Unavailable, "STORAGE_UNAVAILABLE" },
                {
                    "redis storage read",
                    new OrleansException("Error from storage provider RedisGrainStorage", new RedisStorageException("Failed to read grain state", new RedisTimeoutException(CommandFlags.None, "Timeout", CommandStatus.Sent))),
                    StatusCode.Unavailable,
                    "STORAGE_UNAVAILABLE"
                },
            };
            foreach (var row in Crossing)
            {
                data.Add((string)row[0], (Exception)row[1], (StatusCode)row[2], (string)row[3]);
            }

            return data;
        }
    }

    /// <summary>What a call may fail with from a silo in another process: only exceptions Orleans can serialize cross.</summary>
    public static TheoryData<string, Exception, StatusCode, string> Crossing => new()
    {
        { "a store's redis failure, as silos rethrow it", new StorageUnavailableException("RedisConnectionException: No connection is active"), StatusCode.Unavailable, "STORAGE_UNAVAILABLE" },
        {
            "redis storage write (cause named in the message only)",
            new OrleansException("Error from storage provider RedisGrainStorage", new RedisStorageException("Failed to write grain state. StackExchange.Redis.RedisConnectionException: ...")),
            StatusCode.Unavailable,
            "STORAGE_UNAVAILABLE"
        },
        { "message rejected", MessageRejection("Target silo is unavailable"), StatusCode.Unavailable, "CLUSTER_UNAVAILABLE" },
        { "silo gone", new SiloUnavailableException("The silo is gone"), StatusCode.Unavailable, "CLUSTER_UNAVAILABLE" },
        { "grain call timeout", new TimeoutException("Response did not arrive on time"), StatusCode.Unavailable, "CLUSTER_TIMEOUT" },
        { "etag conflict", new OrleansException("Error from storage provider", new InconsistentStateException("Version conflict")), StatusCode.Aborted, "CONCURRENT_UPDATE" },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), StatusCode.Internal, "INTERNAL" },
    };

    [Theory]
    [MemberData(nameof(Thrown))]
    public void Each_failure_maps_to_its_status_and_reason(string what, Exception exception, StatusCode code, string reason)
    {
        // Act
        var failure = ClusterFailure.Of(exception);

        // Assert
        Assert.True((code, reason) == (failure!.Code, failure.Reason), $"{what} became {failure.Reason}");
    }

    [Theory]
    [MemberData(nameof(Crossing))]
    public void Each_failure_from_another_silo_maps_to_its_status_and_reason_after_the_hop(string what, Exception exception, StatusCode code, string reason)
    {
        // Arrange
        var hopped = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(exception));

        // Act
        var failure = ClusterFailure.Of(hopped!);

        // Assert
        Assert.True((code, reason) == (failure!.Code, failure.Reason), $"{what} arrived as {hopped!.GetType()} and became {failure.Reason}");
    }

    /// <summary>Orleans raises it itself and keeps its constructors internal.</summary>
    private static OrleansMessageRejectionException MessageRejection(string message) =>
        (OrleansMessageRejectionException)Activator.CreateInstance(
            typeof(OrleansMessageRejectionException), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [message], null)!;

    [Fact]
    public void Unavailable_failures_tell_the_caller_when_to_retry_and_the_others_do_not()
    {
        // Arrange
        var unavailable = ClusterFailure.All.Where(f => f.Code == StatusCode.Unavailable).ToList();
        var others = ClusterFailure.All.Except(unavailable);

        // Act
        var retryAfter = unavailable.Select(f => f.ToRefusal().Metadata["retry_after"]).Distinct();

        // Assert
        Assert.Equal(["1"], retryAfter);
        Assert.All(others, f => Assert.Empty(f.ToRefusal().Metadata));
    }

    [Fact]
    public void A_status_already_chosen_and_a_cancellation_are_not_infrastructure_failures()
    {
        Assert.Null(ClusterFailure.Of(new RpcException(new Status(StatusCode.NotFound, "no"))));
        Assert.Null(ClusterFailure.Of(new OperationCanceledException()));
    }
}
