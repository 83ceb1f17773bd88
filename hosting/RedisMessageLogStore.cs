using System.Collections.Immutable;
using Conversations.Grains;
using Conversations.Grains.Conversation;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// Each conversation's message log as a Redis list, <c>{ServiceId}/message-log/{conversation}</c>: records are appended
/// with one RPUSH (the Orleans binary serializer, as grain state is stored) and the list is trimmed to its newest
/// <see cref="ConversationOptions.MessageLogRecords"/> once it has grown a quarter past them, so trimming is rare.
/// </summary>
public sealed class RedisMessageLogStore(ServiceRedis redis, Serializer<ConversationMessage> serializer, IOptions<ConversationOptions> options) : IMessageLogStore
{
    public const string KeyKind = "message-log";

    private readonly int _capacity = options.Value.MessageLogRecords;

    public async Task<ImmutableArray<ConversationMessage>> Read(string conversation, CancellationToken cancellationToken)
    {
        var database = await redis.Database();
        var values = await database.ListRangeAsync(redis.Key(KeyKind, conversation), -_capacity, -1);
        return [.. values.Select(v => serializer.Deserialize((byte[])v!)!)];
    }

    public async Task Append(string conversation, ImmutableArray<ConversationMessage> records, CancellationToken cancellationToken)
    {
        var values = new RedisValue[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            values[i] = serializer.SerializeToArray(records[i]);
        }

        await redis.AppendCapped(redis.Key(KeyKind, conversation), values, _capacity);
    }

    public async Task Delete(string conversation, CancellationToken cancellationToken)
    {
        var database = await redis.Database();
        await database.KeyDeleteAsync(redis.Key(KeyKind, conversation));
    }
}
