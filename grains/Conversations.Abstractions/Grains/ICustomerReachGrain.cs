using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;

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
}
