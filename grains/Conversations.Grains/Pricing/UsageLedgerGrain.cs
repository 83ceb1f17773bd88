using System.Collections.Immutable;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Pricing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Conversations.Grains.Pricing;

/// <summary>
/// The entry point of a portfolio's monthly <see cref="UsageLedger"/> (key "{waba id}/{yyyy-MM}"). It holds no state:
/// the counts live in the <see cref="IUsageLedgerStore"/>, which makes each charge one atomic step. So it is a stateless
/// worker, called on the caller's own silo, and reentrant: no activation orders a portfolio's charges, the store does,
/// and a broadcast's charges wait only on their own store round trip. Conversations skip it and charge through
/// <see cref="UsageLedgers"/> directly; it serves callers outside the silo.
/// </summary>
[GrainType("usage-ledger")]
[StatelessWorker]
[Reentrant]
public sealed class UsageLedgerGrain(UsageLedgers ledgers) : Grain, IUsageLedgerGrain
{
    private UsageLedger _ledger = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ledger = ledgers.For(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<ChargeEstimate> Charge(ChargeRequest request, CancellationToken cancellationToken = default) => _ledger.Charge(request, cancellationToken);

    public Task<ChargeEstimate> Quote(ChargeRequest request, CancellationToken cancellationToken = default) => _ledger.Quote(request, cancellationToken);

    public Task RecordReported(ReportedCharge report, CancellationToken cancellationToken = default) => _ledger.RecordReported(report, cancellationToken);

    public Task<UsageReport> Usage(UsageQuery query, CancellationToken cancellationToken = default) => _ledger.Usage(query, cancellationToken);

    public Task<int> Forget(ImmutableArray<string> messageIds, CancellationToken cancellationToken = default) => _ledger.Forget(messageIds, cancellationToken);
}
