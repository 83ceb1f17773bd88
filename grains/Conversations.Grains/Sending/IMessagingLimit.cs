using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Sending;

/// <summary>The portfolio's messaging limit as it applies to this conversation's customer.</summary>
public interface IMessagingLimit
{
    /// <summary>Counts the customer unless already counted in the moving window; refused when that would pass the limit.</summary>
    Task<Result<CustomerReach>> Count(CancellationToken cancellationToken);

    /// <summary>What <see cref="Count"/> would answer now, taking nothing.</summary>
    Task<Result<CustomerReach>> Peek(CancellationToken cancellationToken);
}
