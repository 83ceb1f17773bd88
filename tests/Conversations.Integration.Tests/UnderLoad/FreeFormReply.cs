using Conversations.Abstractions.Refusals;

namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>A free-form reply inside the window under its own idempotency key, which its body repeats so Meta's record can be traced back.</summary>
public sealed record FreeFormReply(DurableConversation Conversation, string IdempotencyKey) : ClientCall(Conversation)
{
    public string Body => $"Your order update {IdempotencyKey}";

    public override async Task<CallResult> Make()
    {
        var result = await Conversation.SendText(IdempotencyKey, Body);
        if (result.Succeeded)
        {
            return CallResult.Acknowledged(result.Value.MessageId);
        }

        // The grain could not tell whether Meta took it: the answer is final, and the client must not send it again.
        if (result.Refusal.Reason == RefusalReason.MetaOutcomeUnknown)
        {
            return CallResult.OutcomeUnknown(result.Refusal);
        }

        return WaitsForEarlierCall(result.Refusal) ? CallResult.Failed(result.Refusal.Message) : CallResult.Refused(result.Refusal);
    }

    public override string ToString() => $"send {IdempotencyKey} to {Conversation}";
}
