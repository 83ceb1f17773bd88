using System.Diagnostics;
using Conversations.Abstractions.Grains;
using Conversations.Testing;
using Orleans.Persistence.Redis;

namespace Conversations.Integration.Tests;

/// <summary>
/// redis-server killed under a cluster whose client is another process (as the api in Client mode is): a call fails
/// soon, with an exception that crosses to the client and names storage, so the api can answer UNAVAILABLE
/// STORAGE_UNAVAILABLE. StackExchange.Redis' own exceptions have no Orleans codec and used to reach the client as a
/// serialization error.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOutageTests
{
    /// <summary>Generous on purpose: the property is "about the Redis timeout, not StackExchange.Redis' 5 s", not a speed.</summary>
    private static TimeSpan Bound => TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_send_whose_message_log_cannot_be_appended_reaches_the_client_as_StorageUnavailableException_soon()
    {
        // Arrange: after a first send, a send's intent goes to the message log (a Redis list of ours) before the state.
        await using var redis = await RedisServer.Start();
        await using var service = await DurableService.Start(redis);
        var conversation = await service.NewConversation();
        await conversation.InboundNow();
        Outcome.Ok(await conversation.SendText("first", "one"));
        redis.Stop();

        // Act
        var (failure, elapsed) = await Timed(() => conversation.SendText("second", "two"));

        // Assert
        Assert.IsType<StorageUnavailableException>(failure);
        Assert.True(elapsed < Bound, $"failed after {elapsed}");
    }

    [Fact]
    public async Task A_conversation_activated_while_redis_is_down_reaches_the_client_as_the_storage_provider_failure_soon()
    {
        // Arrange
        await using var redis = await RedisServer.Start();
        await using var service = await DurableService.Start(redis);
        var conversation = await service.NewConversation();
        redis.Stop();

        // Act
        var (failure, elapsed) = await Timed(conversation.Get);

        // Assert
        Assert.IsType<RedisStorageException>(failure.InnerException);
        Assert.True(elapsed < Bound, $"failed after {elapsed}");
    }

    private static async Task<(Exception Failure, TimeSpan Elapsed)> Timed(Func<Task> call)
    {
        var elapsed = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAnyAsync<Exception>(call);
        return (failure, elapsed.Elapsed);
    }
}
