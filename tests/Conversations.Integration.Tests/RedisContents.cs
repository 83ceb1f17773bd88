using System.Text;
using StackExchange.Redis;

namespace Conversations.Integration.Tests;

/// <summary>
/// Everything a Redis server holds, read the way an operator would: every key (SCAN), every value of every type
/// (GET, LRANGE, HGETALL, SMEMBERS, ZRANGE, XRANGE) and each key's DUMP, which is what its memory, a snapshot and a
/// replica hold, deleted-but-kept bytes included.
/// </summary>
public sealed class RedisContents
{
    private readonly List<(string Place, byte[] Bytes)> _places;

    private RedisContents(List<(string Place, byte[] Bytes)> places) => _places = places;

    public int Keys => _places.Count(p => p.Place.EndsWith(" (name)", StringComparison.Ordinal));

    public static async Task<RedisContents> Read(IConnectionMultiplexer connection)
    {
        var db = connection.GetDatabase();
        var places = new List<(string, byte[])>();
        await foreach (var key in connection.GetServers().Single().KeysAsync(pattern: "*", pageSize: 1000))
        {
            var name = key.ToString();
            places.Add(($"{name} (name)", (byte[])key!));
            IEnumerable<RedisValue> values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [await db.StringGetAsync(key)],
                RedisType.List => await db.ListRangeAsync(key),
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }),
                RedisType.Set => await db.SetMembersAsync(key),
                RedisType.SortedSet => (await db.SortedSetRangeByRankWithScoresAsync(key)).SelectMany(e => new[] { e.Element, (RedisValue)e.Score }),
                RedisType.Stream => (await db.StreamRangeAsync(key)).SelectMany(e => e.Values.SelectMany(v => new[] { v.Name, v.Value }).Prepend(e.Id)),
                RedisType.None => [],
                var other => throw new InvalidOperationException($"{name} is a {other}, which this reader does not read."),
            };
            places.AddRange(values.Where(v => !v.IsNull).Select(v => ($"{name} (value)", (byte[])v!)));
            if (await db.KeyDumpAsync(key) is { } dump)
            {
                places.Add(($"{name} (dump)", dump));
            }
        }

        return new RedisContents(places);
    }

    /// <summary>The places (key, and whether in its name, a value or its dump) where <paramref name="text"/> occurs.</summary>
    public IReadOnlyList<string> Find(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return [.. _places.Where(p => p.Bytes.AsSpan().IndexOf(needle) >= 0).Select(p => p.Place).Distinct()];
    }
}
