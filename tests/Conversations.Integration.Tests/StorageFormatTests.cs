using Conversations.Grains.Conversation;
using Xunit.Abstractions;

namespace Conversations.Integration.Tests;

/// <summary>What reaches Redis is a contract: a renamed class or a changed serializer must not orphan stored conversations.</summary>
[Collection(RedisCollection.Name)]
public sealed class StorageFormatTests(RedisFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task State_written_to_redis_is_binary_and_keyed_by_grain_type()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        var opened = await conversation.InboundNow();

        var server = fixture.Connection.GetServer(fixture.Redis.ConnectionString);
        var keys = server.Keys(pattern: $"{service.ServiceId}/*").Select(k => k.ToString()).ToList();
        foreach (var key in keys)
        {
            output.WriteLine($"{key} ({await fixture.Connection.GetDatabase().KeyTypeAsync(key)})");
        }

        Assert.Contains($"{service.ServiceId}/state/conversation/{conversation.Key}/conversation", keys);
        Assert.Contains($"{service.ServiceId}/state/business-number/{conversation.Key.BusinessNumberId}/business-number", keys);
        var data = (byte[]?)await fixture.Connection.GetDatabase().HashGetAsync(conversation.StateKey, "data");
        Assert.NotNull(data);
        Assert.NotEqual((byte)'{', data[0]);
        var stored = Assert.IsType<ConversationState>(service.Serializer.Deserialize<ConversationState>(data));
        Assert.Equal(opened.LastInboundAt, stored.LastInboundAt);
        Assert.True(stored.ExpiryReminderArmed);
    }

    [Fact]
    public async Task Each_inbound_message_costs_about_24_bytes_of_the_state_every_inbound_rewrites_12_for_dedupe_and_12_for_mark_read()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        await conversation.InboundNow();
        var one = await StoredBytes(conversation);

        for (var i = 0; i < 100; i++)
        {
            await conversation.InboundNow();
        }

        var perId = (await StoredBytes(conversation) - one) / 100.0;
        output.WriteLine($"state with 1 remembered id: {one} bytes; {perId:0.00} bytes per further id");
        // Two records per inbound id of the same size: InboundIds (dedupe) and ReadableInbound (what MarkRead may mark).
        Assert.InRange(perId, 2 * InboundIds.BytesPerId, 2 * InboundIds.BytesPerId + 0.5);
    }

    private async Task<int> StoredBytes(DurableConversation conversation) =>
        ((byte[]?)await fixture.Connection.GetDatabase().HashGetAsync(conversation.StateKey, "data"))!.Length;
}
