using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Sending;

/// <summary>The WABA's quota of new conversations, which a business's first message to a customer takes from.</summary>
public interface IConversationQuota
{
    /// <summary>Takes one new conversation, or refuses with CONVERSATION_QUOTA_EXCEEDED.</summary>
    Task<Refusal?> Take(CancellationToken cancellationToken);

    /// <summary>What <see cref="Take"/> would answer now, taking nothing.</summary>
    Task<Refusal?> Peek(CancellationToken cancellationToken);
}
