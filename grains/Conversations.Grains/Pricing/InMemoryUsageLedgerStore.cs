using Microsoft.Extensions.Options;

namespace Conversations.Grains.Pricing;

/// <summary>
/// The usage ledger store of the embedded, non-durable mode: counts in this process's memory, lost on restart like
/// memory grain storage. One lock over every ledger: a step is a few dictionary updates, and a charge id may be retried
/// into the next month's ledger (a charge and its retry can fall either side of midnight on the 1st), so ids are
/// shared across ledgers.
/// </summary>
public sealed class InMemoryUsageLedgerStore(IOptions<ConversationOptions> options, TimeProvider time) : IUsageLedgerStore
{
    private readonly TimeSpan _remembered = options.Value.Pricing.MessageIdsRememberedFor;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, long>> _ordinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, long>> _totals = new(StringComparer.Ordinal);
    private readonly RememberedIds _charged = new();
    private readonly RememberedIds _reported = new();

    /// <summary>Charge and report ids remembered now: what this store's memory grows with.</summary>
    public int RememberedIdCount
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                return _charged.CountAt(now) + _reported.CountAt(now);
            }
        }
    }

    public Task<string> Charge(string ledger, string chargeId, string? ordinal, IReadOnlyList<OrdinalBand> bands, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_charged.TryGet(chargeId, now, out var field))
            {
                return Task.FromResult(field);
            }

            var value = ordinal is null ? 0 : Increment(_ordinals, ledger, ordinal);
            field = bands.First(b => value <= b.Through).Field;
            Increment(_totals, ledger, field);
            _charged.Add(chargeId, field, now + _remembered);
            return Task.FromResult(field);
        }
    }

    public Task<ChargeLookup> Look(string ledger, string chargeId, string? ordinal, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var charged = _charged.TryGet(chargeId, time.GetUtcNow(), out var field) ? field : null;
            var value = ordinal is not null && _ordinals.TryGetValue(ledger, out var ordinals) ? ordinals.GetValueOrDefault(ordinal) : 0;
            return Task.FromResult(new ChargeLookup(charged, value));
        }
    }

    public Task<bool> Report(string ledger, string reportId, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_reported.TryGet(reportId, now, out _))
            {
                return Task.FromResult(false);
            }

            foreach (var field in fields)
            {
                Increment(_totals, ledger, field);
            }

            _reported.Add(reportId, "", now + _remembered);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> Totals(string ledger, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, long> totals = _totals.TryGetValue(ledger, out var counters)
                ? new Dictionary<string, long>(counters, StringComparer.Ordinal)
                : new Dictionary<string, long>(StringComparer.Ordinal);
            return Task.FromResult(totals);
        }
    }

    public Task<int> Forget(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var forgotten = ids.ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            return Task.FromResult(_charged.Remove(forgotten) + _reported.Remove(forgotten));
        }
    }

    private static long Increment(Dictionary<string, Dictionary<string, long>> ledgers, string ledger, string counter)
    {
        if (!ledgers.TryGetValue(ledger, out var counters))
        {
            counters = new Dictionary<string, long>(StringComparer.Ordinal);
            ledgers[ledger] = counters;
        }

        var value = counters.GetValueOrDefault(counter) + 1;
        counters[counter] = value;
        return value;
    }
}
