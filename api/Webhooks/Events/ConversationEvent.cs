using Conversations.Abstractions.Identity;

namespace Conversations.Api.Webhooks.Events;

/// <summary>An event for one (business number, customer) conversation, as Meta named them; validated when dispatched.</summary>
public abstract record ConversationEvent(string? BusinessNumberId, string? Customer) : WebhookEvent
{
    public override string Subject => $"{BusinessNumberId}/{CustomerNumber.Mask(Customer ?? "")}";
}
