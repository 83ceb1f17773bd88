using Conversations.Grains.Pricing;
using Conversations.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Integration.Tests;

/// <summary>
/// The usage ledger failing one charge, as it does when Redis drops its write: the next Charge throws before the store
/// counts it, every other call goes through to the silo's Redis ledger store.
/// </summary>
public sealed class LedgerOutage
{
    private int _failNext;
    private int _failed;

    /// <summary>How many charges the outage failed: a test that expects one proves its charge went through the store.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public void FailNextCharge() => Interlocked.Exchange(ref _failNext, 1);

    public void Install(ISiloBuilder silo) =>
        silo.Services.AddSingleton<IUsageLedgerStore>(sp => new FailingStore(this, ActivatorUtilities.CreateInstance<RedisUsageLedgerStore>(sp)));

    private sealed class FailingStore(LedgerOutage outage, IUsageLedgerStore inner) : IUsageLedgerStore
    {
        public Task<string> Charge(string ledger, string chargeId, string? ordinal, IReadOnlyList<OrdinalBand> bands, CancellationToken cancellationToken) =>
            Interlocked.Exchange(ref outage._failNext, 0) == 1
                ? throw new TimeoutException($"The usage ledger's Redis write timed out (test outage {Interlocked.Increment(ref outage._failed)}).")
                : inner.Charge(ledger, chargeId, ordinal, bands, cancellationToken);

        public Task<ChargeLookup> Look(string ledger, string chargeId, string? ordinal, CancellationToken cancellationToken) =>
            inner.Look(ledger, chargeId, ordinal, cancellationToken);

        public Task<bool> Report(string ledger, string reportId, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
            inner.Report(ledger, reportId, fields, cancellationToken);

        public Task<IReadOnlyDictionary<string, long>> Totals(string ledger, CancellationToken cancellationToken) => inner.Totals(ledger, cancellationToken);

        public Task<int> Forget(IReadOnlyList<string> ids, CancellationToken cancellationToken) => inner.Forget(ids, cancellationToken);
    }
}
