namespace Conversations.Integration.Tests.UnderLoad;

/// <summary>The webhook of a customer message: it opens or extends the window from the customer's send time.</summary>
public sealed record CustomerMessage(DurableConversation Conversation, string MessageId, DateTimeOffset SentAt) : ClientCall(Conversation)
{
    public override async Task<CallResult> Make()
    {
        var result = await Conversation.Inbound(MessageId, SentAt);
        return result.Succeeded ? CallResult.Acknowledged() : CallResult.Refused(result.Refusal);
    }

    public override string ToString() => $"inbound {MessageId} of {Conversation}";
}
