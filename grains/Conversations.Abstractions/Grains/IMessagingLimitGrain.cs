using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// The messaging limit of one business portfolio (keyed by portfolio id): the tier and the count of slots taken per
/// minute of the moving window. Each silo's <see cref="IMessagingQuotaGrain"/> leases the slots its waiting callers need
/// in one call, so a broadcast calls this grain once per round trip per silo, not once per customer.
/// </summary>
[Alias("messaging-limit")]
public interface IMessagingLimitGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="wanted"/> slots counted in the current minute; fewer near the limit, none at it.</summary>
    [Alias("lease")]
    Task<QuotaLease> Lease(int wanted, CancellationToken cancellationToken = default);

    /// <summary>Sets the tier (a value of <see cref="MessagingLimitTier.All"/>); slots already counted stay counted.</summary>
    [Alias("set-tier")]
    Task<Result<MessagingLimitStatus>> SetTier(string tier, CancellationToken cancellationToken = default);

    [Alias("status"), ReadOnly]
    Task<MessagingLimitStatus> Status(CancellationToken cancellationToken = default);
}
