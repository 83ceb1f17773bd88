using Conversations.Abstractions.Refusals;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>
/// One call a client makes to a conversation. After a failure the client makes it again with the same identity
/// (inbound message id or idempotency key), which is what makes retrying it safe.
/// </summary>
public abstract record ClientCall(DurableConversation Conversation)
{
    public abstract Task<CallResult> Make();

    /// <summary>A refusal that a retry can overcome because an earlier call of the same conversation has not landed yet.</summary>
    protected static bool WaitsForEarlierCall(Refusal refusal) => refusal.Reason == RefusalReason.WindowClosed;
}
