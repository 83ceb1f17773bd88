using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Grains.Conversation;
using StackExchange.Redis;
using Xunit.Abstractions;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>
/// The message log lives beside the conversation's state in its own Redis list: a send appends two small records and
/// leaves the state alone, however long the log already is.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class MessageLogStorageTests(RedisFixture fixture, ITestOutputHelper output)
{
    private IDatabase Redis => fixture.Connection.GetDatabase();

    [Fact]
    public async Task What_a_send_and_its_statuses_write_does_not_grow_with_the_log()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        await conversation.InboundNow();
        var logKey = $"{service.ServiceId}/message-log/{conversation.Key}";

        var first = await MeasureSend(conversation, logKey, "first");
        service.Clock.Advance(TimeSpan.FromSeconds(7));
        var early = await MeasureSend(conversation, logKey, "early");
        for (var i = 0; i < 200; i++)
        {
            service.Clock.Advance(TimeSpan.FromSeconds(7)); // past the pair rate: one message per customer every 6 s
            Ok(await conversation.SendText($"filler-{i}", $"Message {i}"));
        }

        service.Clock.Advance(TimeSpan.FromSeconds(7));
        var late = await MeasureSend(conversation, logKey, "late");

        output.WriteLine($"early: {early}, late (201 messages logged): {late}");
        Assert.True(first.StateWritten, "the first send writes the state once: it says the log started");
        Assert.Equal((2, 1), (early.SendRecords, early.StatusRecords));
        Assert.Equal((2, 1), (late.SendRecords, late.StatusRecords));
        Assert.False(early.StateWritten);
        Assert.False(late.StateWritten);
        Assert.InRange(late.Bytes, 0, early.Bytes + 64); // the ids differ in length by a digit or two, nothing more
        Assert.InRange(late.Bytes, 1, 6 * 1024);
    }

    [Fact]
    public async Task A_state_stored_with_its_log_inside_hands_the_log_to_the_store_on_activation()
    {
        await using var service = await DurableService.Start(fixture.Redis);
        var conversation = await service.NewConversation();
        await conversation.InboundNow();
        var sent = Ok(await conversation.SendText("legacy-key", "Stored the old way."));
        var records = (await Redis.ListRangeAsync($"{service.ServiceId}/message-log/{conversation.Key}")).Select(v => service.Serializer.Deserialize<ConversationMessage>((byte[])v!)!).ToList();
        await service.Restart();

        // Put the state back as it was stored before the log had its own store: the log inside it, no list beside it.
        var legacy = service.Serializer.Deserialize<ConversationState>((byte[])(await Redis.HashGetAsync(conversation.StateKey, "data"))!)!;
        legacy.Messages = [records[^1]];
        legacy.LogStarted = false;
        await Redis.HashSetAsync(conversation.StateKey, "data", service.Serializer.SerializeToArray(legacy));
        await Redis.KeyDeleteAsync($"{service.ServiceId}/message-log/{conversation.Key}");
        await service.Restart();

        var replay = Ok(await conversation.SendText("legacy-key", "Stored the old way."));

        Assert.True(replay.Replayed);
        Assert.Equal(sent.MessageId, replay.MessageId);
        Assert.Equal(sent.MessageId, Assert.Single(Ok(await conversation.Grain.ListMessages(0))).MessageId);
        var moved = service.Serializer.Deserialize<ConversationState>((byte[])(await Redis.HashGetAsync(conversation.StateKey, "data"))!)!;
        Assert.Empty(moved.Messages);
        Assert.True(moved.LogStarted);
        Assert.Equal(1, await Redis.ListLengthAsync($"{service.ServiceId}/message-log/{conversation.Key}"));
    }

    private async Task<SendCost> MeasureSend(DurableConversation conversation, string logKey, string key)
    {
        var stateBefore = (byte[]?)await Redis.HashGetAsync(conversation.StateKey, "etag");
        var lengthBefore = await Redis.ListLengthAsync(logKey);
        var receipt = Ok(await conversation.SendText(key, "Your order has shipped."));
        var afterSend = await Redis.ListLengthAsync(logKey);
        Ok(await conversation.Grain.RecordStatuses([new StatusUpdate(receipt.Wamid!, MessageStatus.Delivered, conversation.Now, null, null)]));
        var afterStatus = await Redis.ListLengthAsync(logKey);
        var appended = await Redis.ListRangeAsync(logKey, lengthBefore, -1);
        var stateAfter = (byte[]?)await Redis.HashGetAsync(conversation.StateKey, "etag");
        return new SendCost(
            (int)(afterSend - lengthBefore),
            (int)(afterStatus - afterSend),
            appended.Sum(v => ((byte[])v!).Length),
            !(stateBefore ?? []).SequenceEqual(stateAfter ?? []));
    }

    private sealed record SendCost(int SendRecords, int StatusRecords, int Bytes, bool StateWritten);
}
