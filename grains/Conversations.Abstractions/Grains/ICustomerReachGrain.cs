using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// One customer as seen by one portfolio's messaging limit (keyed "{portfolio id}/{customer}"): whether a business-
/// initiated message reached them in the moving window, across every number of the portfolio.
/// </summary>
[Alias("customer-reach-grain")]
public interface ICustomerReachGrain : IGrainWithStringKey
{
    /// <summary>Counts the customer unless already counted in the window; refused when that would pass the limit.</summary>
    [Alias("count")]
    Task<Result<CustomerReach>> Count(CancellationToken cancellationToken = default);

    /// <summary>
    /// What <see cref="Count"/> would answer now, taking nothing (for dry runs): Counted with no CountedAt means a slot
    /// would be taken. Read from the limit's current count, so a concurrent broadcast may change the answer.
    /// </summary>
    [Alias("peek"), ReadOnly]
    Task<Result<CustomerReach>> Peek(CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets that the customer was reached (right to erasure) and deletes the stored entry; true when there was one.
    /// The portfolio's per-minute count keeps the slot, so the limit never reaches more customers than its tier.
    /// </summary>
    [Alias("forget")]
    Task<bool> Forget(CancellationToken cancellationToken = default);
}
