using System.Collections.Immutable;
using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// The feed store of a Redis deployment: one stream per business number, <c>{ServiceId}/events/{number}</c>, capped at
/// about <see cref="EventHubOptions.RetainedEvents"/> entries (<c>MAXLEN ~</c>). Entry ids are <c>0-{position}</c>:
/// Redis numbers each entry itself (<c>XADD … 0-*</c>), so positions count up by one whichever silo appends, and keep
/// counting after trimming. Each entry holds its append time, its customer (to filter without decoding) and the event in
/// the binary format grain state uses.
/// </summary>
public sealed class RedisEventFeedStore(ServiceRedis redis, Serializer serializer, IOptions<EventHubOptions> options, TimeProvider time) : IEventFeedStore
{
    // One round trip and atomic: the batch gets consecutive positions, then what outlived the retention leaves the head
    // (a bounded amount per append; the newest entry always stays, so the latest position stays readable).
    private const string AppendScript = """
        local last
        for i = 4, #ARGV, 2 do
          last = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '0-*', 't', ARGV[2], 'c', ARGV[i], 'e', ARGV[i + 1])
        end
        local head = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
        if tonumber(head[1][2][2]) < tonumber(ARGV[3]) then
          local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 256)
          local keep = oldest[#oldest][1]
          for _, entry in ipairs(oldest) do
            if tonumber(entry[2][2]) >= tonumber(ARGV[3]) then
              keep = entry[1]
              break
            end
          end
          redis.call('XTRIM', KEYS[1], 'MINID', keep)
        end
        return last
        """;

    private const string StatusScript = """
        local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
        if #newest == 0 then
          return {}
        end
        local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
        return {newest[1][1], oldest[1][1], redis.call('XLEN', KEYS[1])}
        """;

    private readonly EventHubOptions _options = options.Value;

    public async Task<long> Append(string businessNumberId, IReadOnlyList<PublishedEvent> events)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        var now = time.GetUtcNow();
        var arguments = new RedisValue[3 + 2 * events.Count];
        arguments[0] = _options.RetainedEvents;
        arguments[1] = now.ToUnixTimeMilliseconds();
        arguments[2] = (now - _options.Retention).ToUnixTimeMilliseconds();
        for (var i = 0; i < events.Count; i++)
        {
            arguments[3 + 2 * i] = events[i].Customer;
            arguments[4 + 2 * i] = serializer.SerializeToArray(events[i]);
        }

        var db = await redis.Database();
        return Position((string?)await db.ScriptEvaluateAsync(AppendScript, [Key(businessNumberId)], arguments));
    }

    public async Task<EventRange> Read(string businessNumberId, long afterPosition, string? customer, int maxCount, CancellationToken cancellationToken = default)
    {
        var db = await redis.Database();
        var cutoff = (time.GetUtcNow() - _options.Retention).ToUnixTimeMilliseconds();
        var chunk = Math.Max(maxCount, 100);
        var events = ImmutableArray.CreateBuilder<PositionedEvent>();
        var through = afterPosition;
        var truncated = false;
        while (true)
        {
            // "(" makes the start exclusive: the entries after the cursor.
            var entries = await db.StreamRangeAsync(Key(businessNumberId), $"(0-{through}", "+", chunk);
            foreach (var entry in entries)
            {
                var position = Position(entry.Id);
                // Trimming only ever takes the head, so a gap can only lie between the cursor and the oldest entry.
                truncated |= position > through + 1;
                through = position;
                if ((long)entry["t"] < cutoff)
                {
                    truncated = true;
                    continue;
                }

                if (customer is not null && entry["c"] != customer)
                {
                    continue;
                }

                events.Add(new PositionedEvent(position, serializer.Deserialize<PublishedEvent>((byte[])entry["e"]!)!));
                if (events.Count == maxCount)
                {
                    return new EventRange(afterPosition, through, events.ToImmutable()) { Truncated = truncated };
                }
            }

            if (entries.Length < chunk)
            {
                return new EventRange(afterPosition, through, events.ToImmutable()) { Truncated = truncated };
            }
        }
    }

    public async Task<EventFeedStatus> Status(string businessNumberId, CancellationToken cancellationToken = default)
    {
        var db = await redis.Database();
        var status = (RedisResult[])(await db.ScriptEvaluateAsync(StatusScript, [Key(businessNumberId)]))!;
        return status.Length == 0
            ? EventFeedStatus.Empty
            : new EventFeedStatus(Position((string?)status[0]), Position((string?)status[1]), (int)status[2]);
    }

    private RedisKey Key(string businessNumberId) => redis.Key("events", businessNumberId);

    /// <summary>The position in an entry id, <c>0-{position}</c>.</summary>
    private static long Position(string? id) =>
        id is not null && id.StartsWith("0-", StringComparison.Ordinal)
            ? long.Parse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"'{id}' is not an event feed entry id.");
}
