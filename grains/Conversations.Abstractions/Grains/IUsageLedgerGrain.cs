using System.Collections.Immutable;
using Conversations.Abstractions.Pricing;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// The usage of one business portfolio (keyed "{waba id}/{yyyy-MM}", UTC month): prices each message as it is sent,
/// at its exact ordinal of the month, so monthly allowances and volume tiers fall exactly where they should however many
/// messages are charged at once, and keeps the totals.
/// </summary>
[Alias("usage-ledger")]
public interface IUsageLedgerGrain : IGrainWithStringKey
{
    /// <summary>Prices a message being sent and records the estimate. Idempotent per message id.</summary>
    [Alias("charge")]
    Task<ChargeEstimate> Charge(ChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>What <see cref="Charge"/> would return now, recording nothing.</summary>
    [Alias("quote"), ReadOnly]
    Task<ChargeEstimate> Quote(ChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records what Meta charged for a delivered message; idempotent per message id.</summary>
    [Alias("record-reported")]
    Task RecordReported(ReportedCharge report, CancellationToken cancellationToken = default);

    /// <summary>The month's totals, estimated and reported, per business number, market, category and pricing type.</summary>
    [Alias("usage"), ReadOnly]
    Task<UsageReport> Usage(UsageQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the charge and delivery markers of these message ids in the portfolio (right to erasure), whichever month
    /// counted them; returns how many markers there were. The totals they were counted in stay: they name no customer.
    /// </summary>
    [Alias("forget")]
    Task<int> Forget(ImmutableArray<string> messageIds, CancellationToken cancellationToken = default);
}
