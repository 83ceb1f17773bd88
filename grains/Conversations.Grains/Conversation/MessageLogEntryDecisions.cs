using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Conversation;

public static class MessageLogEntryDecisions
{
    /// <summary>The entry with what an allowed decision sends: its kind, whether the fallback went, and the template's category.</summary>
    public static MessageLogEntry Decided(this MessageLogEntry entry, SendDecision decision) => entry with
    {
        Kind = decision.Kind,
        UsedFallback = decision.UsedFallback,
        TemplateName = (decision.ToSend as TemplateMessage)?.Name,
        TemplateCategory = decision.Category,
    };
}
