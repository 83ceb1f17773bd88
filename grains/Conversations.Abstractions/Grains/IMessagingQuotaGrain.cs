using Conversations.Abstractions.Limits;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// One silo's door to a portfolio's messaging limit (a stateless worker keyed by portfolio id, so each silo has its
/// own): the callers that arrive while a lease is in flight are served together by the next one.
/// </summary>
[Alias("messaging-quota")]
public interface IMessagingQuotaGrain : IGrainWithStringKey
{
    /// <summary>One slot: a lease with Granted 1, or Granted 0 and the status that says the limit is reached.</summary>
    [Alias("take")]
    Task<QuotaLease> Take(CancellationToken cancellationToken = default);
}
