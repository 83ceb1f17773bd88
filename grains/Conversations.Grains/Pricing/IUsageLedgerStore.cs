namespace Conversations.Grains.Pricing;

/// <summary>
/// Where usage ledgers count: per ledger ("{waba id}/{yyyy-MM}") the ordinals prices depend on and the totals, each a
/// named counter; per charged or reported message id a marker that expires after
/// <see cref="PricingOptions.MessageIdsRememberedFor"/>. Every method is one atomic step of the store, and none reads
/// or writes a ledger whole, so what a charge costs the store stays the same however long the month has run.
/// Memory mode uses <see cref="InMemoryUsageLedgerStore"/>; Redis mode a store over the service's Redis.
/// </summary>
public interface IUsageLedgerStore
{
    /// <summary>
    /// Counts a charge once per <paramref name="chargeId"/>. The first time: advances <paramref name="ordinal"/> (when
    /// there is one) by one, takes the first band whose <see cref="OrdinalBand.Through"/> is at least the new ordinal
    /// (the last band is <see cref="PriceBand.Unbounded"/>), increments that band's totals field and remembers it for the id. Any later time,
    /// while the id is remembered: changes nothing. Returns the field the id was counted in, either way.
    /// </summary>
    Task<string> Charge(string ledger, string chargeId, string? ordinal, IReadOnlyList<OrdinalBand> bands, CancellationToken cancellationToken);

    /// <summary>The field <paramref name="chargeId"/> was counted in, if it is remembered, and the current value of <paramref name="ordinal"/>.</summary>
    Task<ChargeLookup> Look(string ledger, string chargeId, string? ordinal, CancellationToken cancellationToken);

    /// <summary>Increments each of <paramref name="fields"/> by one, once per <paramref name="reportId"/>; false when the id was already counted.</summary>
    Task<bool> Report(string ledger, string reportId, IReadOnlyList<string> fields, CancellationToken cancellationToken);

    /// <summary>Every totals field of the ledger with its count; empty for a ledger nothing was counted in.</summary>
    Task<IReadOnlyDictionary<string, long>> Totals(string ledger, CancellationToken cancellationToken);

    /// <summary>Deletes the charge and report markers of these ids, as if they had expired; returns how many there were.</summary>
    Task<int> Forget(IReadOnlyList<string> ids, CancellationToken cancellationToken);
}
