using System.Collections.Immutable;
using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Grains.Events;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// The feed store of a Redis deployment: one stream per business number, <c>{ServiceId}/events/{number}</c>, holding at
/// most <see cref="EventHubOptions.RetainedEvents"/> entries of at most <see cref="EventHubOptions.RetainedBytes"/>
/// together, the bytes its entries count kept beside it in <c>{ServiceId}/event-bytes/{number}</c>. Entry ids are
/// <c>0-{position}</c>: Redis numbers each entry itself (<c>XADD … 0-*</c>), so positions count up by one whichever silo
/// appends, and keep counting after trimming. Each entry holds its append time, its customer (to filter without
/// decoding) and the event in the binary format grain state uses; an erased event's entry holds its append time only, and
/// counts only its overhead.
/// </summary>
public sealed class RedisEventFeedStore(ServiceRedis redis, Serializer serializer, IOptions<EventHubOptions> options, TimeProvider time) : IEventFeedStore
{
    /// <summary>Entries one append trims at most: after a bound was lowered, the stream shrinks to it over several appends.</summary>
    public const int MaxTrimPerAppend = 1_000;

    /// <summary>The script's arguments before the first entry's customer and event.</summary>
    private const int Fixed = 6;

    // One round trip and atomic: the batch gets consecutive positions, then the oldest entries leave while the stream is
    // over a bound or they outlived the retention, never the newest (the latest position stays readable). Each entry is
    // read and trimmed once in its life, so an append costs about what it added; no append scans the stream. A stream
    // written before its bytes were counted starts from 0 and is counted exactly once those older entries are gone.
    private const string AppendScript = """
        local maxEntries, maxBytes, overhead, now, cutoff = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5])
        local trimLimit = tonumber(ARGV[6])
        local count = redis.call('XLEN', KEYS[1])
        local bytes = 0
        if count > 0 then
          bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
        end
        local last, added = nil, 0
        for i = 7, #ARGV, 2 do
          last = redis.call('XADD', KEYS[1], '0-*', 't', now, 'c', ARGV[i], 'e', ARGV[i + 1])
          bytes = bytes + #ARGV[i] + #ARGV[i + 1] + overhead
          count = count + 1
          added = added + 1
        end
        local dropped, start, chunk = 0, '-', added + 1
        while count > 1 and dropped < trimLimit do
          local oldest = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', math.min(count - 1, trimLimit - dropped, chunk))
          local keep = #oldest == 0
          for _, entry in ipairs(oldest) do
            local fields = entry[2]
            if count > maxEntries or bytes > maxBytes or tonumber(fields[2]) < cutoff then
              -- An erased entry holds its append time only.
              bytes = bytes - (fields[4] and (#fields[4] + #fields[6]) or 0) - overhead
              count = count - 1
              dropped = dropped + 1
              start = '(' .. entry[1]
            else
              keep = true
              break
            end
          end
          if keep then
            break
          end
          chunk = math.min(chunk * 2, 128)
        end
        if dropped > 0 then
          redis.call('XTRIM', KEYS[1], 'MAXLEN', count)
        end
        redis.call('SET', KEYS[2], math.max(bytes, 0))
        return last
        """;

    private const string StatusScript = """
        local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
        if #newest == 0 then
          return {}
        end
        local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
        return {newest[1][1], oldest[1][1], redis.call('XLEN', KEYS[1]), redis.call('GET', KEYS[2]) or '0'}
        """;

    // Swaps the number's stream for the copy Erase built, in one step: the tail appended meanwhile is copied (the
    // customer's entries reduced to their append time), the head trimmed meanwhile is trimmed from the copy, and a copy
    // made while another erasure swapped the stream is dropped (-1), since it may still hold that erasure's customer.
    private const string SwapScript = """
        if (redis.call('GET', KEYS[3]) or '0') ~= ARGV[3] or redis.call('EXISTS', KEYS[2]) == 0 then
          redis.call('DEL', KEYS[2])
          return -1
        end
        local erased, erasedBytes = 0, tonumber(ARGV[4])
        for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '(' .. ARGV[2], '+')) do
          local fields, customer, appended = entry[2], nil, nil
          for i = 1, #fields, 2 do
            if fields[i] == 'c' then customer = fields[i + 1] elseif fields[i] == 't' then appended = fields[i + 1] end
          end
          if customer == ARGV[1] then
            erased = erased + 1
            for i = 1, #fields, 2 do
              if fields[i] == 'c' or fields[i] == 'e' then erasedBytes = erasedBytes + #fields[i + 1] end
            end
            redis.call('XADD', KEYS[2], entry[1], 't', appended)
          else
            redis.call('XADD', KEYS[2], entry[1], unpack(fields))
          end
        end
        local head = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
        if #head == 0 then
          redis.call('DEL', KEYS[2])
          return -1
        end
        redis.call('XTRIM', KEYS[2], 'MINID', head[1][1])
        redis.call('RENAME', KEYS[2], KEYS[1])
        redis.call('PERSIST', KEYS[1])
        redis.call('INCR', KEYS[3])
        -- The erased entries no longer count their customer and event against the byte budget.
        local bytes = tonumber(redis.call('GET', KEYS[4]) or '0') - erasedBytes
        redis.call('SET', KEYS[4], math.max(bytes, 0))
        return erased
        """;

    /// <summary>Entries an erasure reads, or copies, per round trip.</summary>
    private const int EraseChunk = 500;

    /// <summary>Erasures of one number that raced each other: each retry waits for nothing but the other's swap.</summary>
    private const int EraseAttempts = 10;

    /// <summary>How long a copy an erasure abandoned (its silo died) stays before Redis drops it.</summary>
    private static readonly TimeSpan s_copyLifetime = TimeSpan.FromMinutes(10);

    private readonly EventHubOptions _options = options.Value;

    public async Task<long> Append(string businessNumberId, IReadOnlyList<PublishedEvent> events)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        var now = time.GetUtcNow();
        var arguments = new RedisValue[Fixed + 2 * events.Count];
        arguments[0] = _options.RetainedEvents;
        arguments[1] = _options.RetainedBytes;
        arguments[2] = FeedEntrySize.Overhead;
        arguments[3] = now.ToUnixTimeMilliseconds();
        arguments[4] = (now - _options.Retention).ToUnixTimeMilliseconds();
        arguments[5] = MaxTrimPerAppend;
        for (var i = 0; i < events.Count; i++)
        {
            // Lua's # is the byte length of what is sent: the customer's UTF-8 and the event's binary form, as FeedEntrySize counts.
            arguments[Fixed + 2 * i] = events[i].Customer;
            arguments[Fixed + 1 + 2 * i] = serializer.SerializeToArray(events[i]);
        }

        var db = await redis.Database();
        return Position((string?)await db.ScriptEvaluateAsync(AppendScript, Keys(businessNumberId), arguments));
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

                var payload = entry["e"];
                if (payload.IsNull || (customer is not null && entry["c"] != customer))
                {
                    continue;
                }

                events.Add(new PositionedEvent(position, serializer.Deserialize<PublishedEvent>((byte[])payload!)!));
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
        var status = (RedisResult[])(await db.ScriptEvaluateAsync(StatusScript, Keys(businessNumberId)))!;
        return status.Length == 0
            ? EventFeedStatus.Empty
            : new EventFeedStatus(Position((string?)status[0]), Position((string?)status[1]), (int)status[2], (long)status[3]);
    }

    /// <summary>
    /// Rewrites the number's stream with the customer's entries reduced to their append time: XDEL would only mark them
    /// deleted, and Redis keeps a deleted entry's bytes (in memory, DUMP and RDB snapshots) until its whole node goes. The
    /// copy is built in chunks beside the stream, so Redis is never blocked for long, then swapped in by one script;
    /// positions and append times stay, so readers' cursors, retention and trimming go on as before.
    /// </summary>
    public async Task<int> Erase(string businessNumberId, string customer, CancellationToken cancellationToken = default)
    {
        var db = await redis.Database();
        var feed = Key(businessNumberId);
        var swaps = redis.Key("events-erasures", businessNumberId);
        for (var attempt = 1; ; attempt++)
        {
            var generation = (string?)await db.StringGetAsync(swaps) ?? "0";
            if (!await Holds(db, feed, customer))
            {
                return 0;
            }

            var copy = redis.Key("events-erasing", $"{businessNumberId}/{Guid.NewGuid():N}");
            var (through, copied, copiedBytes) = await Copy(db, feed, copy, customer);
            var swapped = (long)await db.ScriptEvaluateAsync(
                SwapScript, [feed, copy, swaps, redis.Key("event-bytes", businessNumberId)], [customer, through, generation, copiedBytes]);
            if (swapped >= 0)
            {
                return copied + (int)swapped;
            }

            if (attempt == EraseAttempts)
            {
                throw new InvalidOperationException($"Erasing a customer's events of {businessNumberId} raced {EraseAttempts} other erasures; try again.");
            }
        }
    }

    private static async Task<bool> Holds(IDatabase db, RedisKey feed, string customer)
    {
        await foreach (var entries in Chunks(db, feed))
        {
            if (entries.Any(e => e["c"] == customer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Copies the stream as it is now, the customer's entries reduced to their append time; returns the last id copied,
    /// how many it reduced and the bytes of customer and event they no longer hold.
    /// </summary>
    private static async Task<(string Through, int Erased, long ErasedBytes)> Copy(IDatabase db, RedisKey feed, RedisKey copy, string customer)
    {
        var (through, erased, erasedBytes) = ("0-0", 0, 0L);
        await foreach (var entries in Chunks(db, feed))
        {
            var batch = db.CreateBatch();
            var writes = new List<Task>(entries.Length + 1);
            foreach (var entry in entries)
            {
                var erase = entry["c"] == customer;
                erased += erase ? 1 : 0;
                erasedBytes += erase ? ((byte[])entry["c"]!).Length + ((byte[])entry["e"]!).Length : 0;
                writes.Add(batch.StreamAddAsync(copy, erase ? [new NameValueEntry("t", entry["t"])] : entry.Values, messageId: entry.Id));
            }

            writes.Add(batch.KeyExpireAsync(copy, s_copyLifetime));
            batch.Execute();
            await Task.WhenAll(writes);
            through = entries[^1].Id!;
        }

        return (through, erased, erasedBytes);
    }

    /// <summary>The whole stream, oldest first, a chunk per round trip.</summary>
    private static async IAsyncEnumerable<StreamEntry[]> Chunks(IDatabase db, RedisKey feed)
    {
        var after = "0-0";
        while (true)
        {
            var entries = await db.StreamRangeAsync(feed, $"({after}", "+", EraseChunk);
            if (entries.Length > 0)
            {
                yield return entries;
            }

            if (entries.Length < EraseChunk)
            {
                yield break;
            }

            after = entries[^1].Id!;
        }
    }

    private RedisKey Key(string businessNumberId) => redis.Key("events", businessNumberId);

    private RedisKey[] Keys(string businessNumberId) => [Key(businessNumberId), redis.Key("event-bytes", businessNumberId)];

    /// <summary>The position in an entry id, <c>0-{position}</c>.</summary>
    private static long Position(string? id) =>
        id is not null && id.StartsWith("0-", StringComparison.Ordinal)
            ? long.Parse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"'{id}' is not an event feed entry id.");
}
