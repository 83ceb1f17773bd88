using System.Collections.Immutable;
using Conversations.Abstractions.DeadLetters;
using Conversations.Grains;
using Conversations.Grains.DeadLetters;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// Each business number's dead letters as a Redis list, <c>{ServiceId}/dead-letters/{business number id}</c>: one RPUSH
/// per letter (the Orleans binary serializer), trimmed to the newest <see cref="ConversationOptions.DeadLettersPerNumber"/>
/// once it has grown a quarter past them, as the message log is.
/// </summary>
public sealed class RedisDeadLetterStore(ServiceRedis redis, Serializer<DeadLetter> serializer, IOptions<ConversationOptions> options) : IDeadLetterStore
{
    public const string KeyKind = "dead-letters";

    private readonly int _capacity = options.Value.DeadLettersPerNumber;

    public Task Append(string businessNumberId, DeadLetter letter, CancellationToken cancellationToken) =>
        redis.AppendCapped(redis.Key(KeyKind, businessNumberId), [serializer.SerializeToArray(letter)], _capacity);

    public async Task<ImmutableArray<DeadLetter>> Newest(string businessNumberId, int limit, CancellationToken cancellationToken)
    {
        var database = await redis.Database();
        var values = await database.ListRangeAsync(redis.Key(KeyKind, businessNumberId), -Math.Min(limit, _capacity), -1);
        return [.. values.Reverse().Select(v => serializer.Deserialize((byte[])v!)!)];
    }

    /// <summary>
    /// Reads the number's letters, and if any names the customer, replaces the list with the others in one transaction
    /// that holds only if nobody appended meanwhile (retried then): a letter is never half-removed, nor a new one lost.
    /// </summary>
    public async Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken)
    {
        var database = await redis.Database();
        var key = redis.Key(KeyKind, businessNumberId);
        while (true)
        {
            var values = await database.ListRangeAsync(key);
            var kept = values.Where(v => !serializer.Deserialize((byte[])v!)!.Names(customer)).ToArray();
            if (kept.Length == values.Length)
            {
                return 0;
            }

            var transaction = database.CreateTransaction();
            transaction.AddCondition(Condition.ListLengthEqual(key, values.Length));
            _ = transaction.KeyDeleteAsync(key);
            if (kept.Length > 0)
            {
                _ = transaction.ListRightPushAsync(key, kept);
            }

            if (await transaction.ExecuteAsync())
            {
                return values.Length - kept.Length;
            }
        }
    }
}
