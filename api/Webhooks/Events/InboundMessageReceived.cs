using Conversations.Abstractions.Messages;

namespace Conversations.Api.Webhooks.Events;

/// <summary>A customer wrote (messages[] of a "messages" change).</summary>
public sealed record InboundMessageReceived(string? BusinessNumberId, string? Customer, InboundMessage Message)
    : ConversationEvent(BusinessNumberId, Customer)
{
    public const string EventKind = "inbound_message";

    public override string Kind => EventKind;
}
