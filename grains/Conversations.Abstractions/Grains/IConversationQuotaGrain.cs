using Conversations.Abstractions.Refusals;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// The new conversations one WABA (keyed by its id) may open per minute with its own first message to a customer.
/// Conversations a customer starts never ask it.
/// </summary>
[Alias("conversation-quota")]
public interface IConversationQuotaGrain : IGrainWithStringKey
{
    /// <summary>Takes one new conversation of the quota, or refuses with CONVERSATION_QUOTA_EXCEEDED and retry_after.</summary>
    [Alias("take")]
    Task<Refusal?> Take(CancellationToken cancellationToken = default);

    /// <summary>What <see cref="Take"/> would answer now, taking nothing (for dry runs).</summary>
    [Alias("peek"), ReadOnly]
    Task<Refusal?> Peek(CancellationToken cancellationToken = default);
}
