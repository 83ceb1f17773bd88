using Conversations.Grains;
using Conversations.Grains.Pricing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Conversations.Hosting;

/// <summary>
/// Usage ledgers in the service's Redis: per ledger a hash of ordinals ("{ServiceId}/usage-ordinals/{waba}/{yyyy-MM}")
/// and a hash of totals ("{ServiceId}/usage/{waba}/{yyyy-MM}"), per charged or reported message a marker key with a TTL
/// ("{ServiceId}/usage-charged/{waba}/{message id}", "usage-reported/..."). A charge is one Lua script: the marker,
/// one HINCRBY of its ordinal, one of its totals field; Redis runs scripts one at a time, so concurrent charges from any
/// silo get consecutive ordinals and a retry finds its marker. Nothing is read back and rewritten whole.
/// </summary>
public sealed class RedisUsageLedgerStore(ServiceRedis redis, IOptions<ConversationOptions> options) : IUsageLedgerStore
{
    // KEYS: marker, ordinals, totals. ARGV: marker TTL (ms), ordinal ("" for none), then Through and field per band.
    private const string ChargeScript = """
        local charged = redis.call('GET', KEYS[1])
        if charged then return charged end
        local ordinal = 0
        if ARGV[2] ~= '' then ordinal = redis.call('HINCRBY', KEYS[2], ARGV[2], 1) end
        local field
        for i = 3, #ARGV, 2 do
          field = ARGV[i + 1]
          if ordinal <= tonumber(ARGV[i]) then break end
        end
        redis.call('SET', KEYS[1], field, 'PX', ARGV[1])
        redis.call('HINCRBY', KEYS[3], field, 1)
        return field
        """;

    // KEYS: marker, totals. ARGV: marker TTL (ms), then the fields to count.
    private const string ReportScript = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
        for i = 2, #ARGV do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) end
        return 1
        """;

    private readonly long _rememberedMs = (long)options.Value.Pricing.MessageIdsRememberedFor.TotalMilliseconds;

    public async Task<string> Charge(string ledger, string chargeId, string? ordinal, IReadOnlyList<OrdinalBand> bands, CancellationToken cancellationToken)
    {
        var values = new RedisValue[2 + (2 * bands.Count)];
        values[0] = _rememberedMs;
        values[1] = ordinal ?? "";
        for (var i = 0; i < bands.Count; i++)
        {
            values[2 + (2 * i)] = bands[i].Through;
            values[3 + (2 * i)] = bands[i].Field;
        }

        var db = await redis.Database();
        var field = await db.ScriptEvaluateAsync(ChargeScript, [Charged(chargeId), Ordinals(ledger), Totals(ledger)], values);
        return (string?)field ?? throw new InvalidOperationException($"The charge script returned no field for {chargeId}.");
    }

    public async Task<ChargeLookup> Look(string ledger, string chargeId, string? ordinal, CancellationToken cancellationToken)
    {
        var db = await redis.Database();
        var batch = db.CreateBatch();
        var charged = batch.StringGetAsync(Charged(chargeId));
        var value = ordinal is null ? Task.FromResult(RedisValue.Null) : batch.HashGetAsync(Ordinals(ledger), ordinal);
        batch.Execute();
        return new ChargeLookup(await charged, (long?)await value ?? 0);
    }

    public async Task<bool> Report(string ledger, string reportId, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        var db = await redis.Database();
        RedisValue[] values = [_rememberedMs, .. fields.Select(f => (RedisValue)f)];
        return (long)await db.ScriptEvaluateAsync(ReportScript, [Reported(reportId), Totals(ledger)], values) == 1;
    }

    public async Task<IReadOnlyDictionary<string, long>> Totals(string ledger, CancellationToken cancellationToken)
    {
        var db = await redis.Database();
        var entries = await db.HashGetAllAsync(Totals(ledger));
        return entries.ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
    }

    public async Task<int> Forget(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var db = await redis.Database();
        return (int)await db.KeyDeleteAsync([.. ids.Select(Charged), .. ids.Select(Reported)]);
    }

    private RedisKey Totals(string ledger) => redis.Key("usage", ledger);

    private RedisKey Ordinals(string ledger) => redis.Key("usage-ordinals", ledger);

    private RedisKey Charged(string chargeId) => redis.Key("usage-charged", chargeId);

    private RedisKey Reported(string reportId) => redis.Key("usage-reported", reportId);
}
