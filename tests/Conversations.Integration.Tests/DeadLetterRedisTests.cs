using Conversations.Abstractions.DeadLetters;
using Conversations.Abstractions.Grains;
using Conversations.Testing;
using StackExchange.Redis;

namespace Conversations.Integration.Tests;

/// <summary>In Redis mode a number's dead letters are a Redis list under the ServiceId: they outlive the cluster that took them.</summary>
[Collection(RedisCollection.Name)]
public sealed class DeadLetterRedisTests(RedisFixture fixture)
{
    private IDatabase Redis => fixture.Connection.GetDatabase();

    [Fact]
    public async Task Dead_letters_are_kept_in_redis_across_a_restart_newest_first()
    {
        // Arrange
        await using var service = await DurableService.Start(fixture.Redis);
        var number = TestNumbers.BusinessNumberId();
        var first = new DeadLetter("inbound_message", "CUSTOMER_WITHOUT_PHONE_NUMBER", "text from a username user", "{\"id\":\"wamid.1\"}", service.Clock.GetUtcNow());
        var second = first with { Reason = "GROUP_RECIPIENT", Event = "{\"id\":\"wamid.2\"}" };
        await service.Grains.GetGrain<IDeadLetterGrain>(number).Record(first);
        await service.Grains.GetGrain<IDeadLetterGrain>(number).Record(second);

        // Act
        await service.Restart();
        var letters = await service.Grains.GetGrain<IDeadLetterGrain>(number).List(10);

        // Assert
        Assert.Equal([second, first], letters.ToArray());
        Assert.Equal(2, await Redis.ListLengthAsync($"{service.ServiceId}/dead-letters/{number}"));
    }
}
