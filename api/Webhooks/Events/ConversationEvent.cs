using Conversations.Abstractions.Identity;

namespace Conversations.Api.Webhooks.Events;

/// <summary>
/// An event for one (business number, customer) conversation, as Meta named them: the customer by phone number
/// (<see cref="Customer"/>), business-scoped user id (<see cref="CustomerUserId"/>) or both; validated when dispatched.
/// </summary>
public abstract record ConversationEvent(string? BusinessNumberId, string? Customer) : WebhookEvent
{
    /// <summary>The customer's BSUID, when Meta named it.</summary>
    public string? CustomerUserId { get; init; }

    public override string Subject => $"{BusinessNumberId}/{CustomerNumber.Mask(Customer ?? CustomerUserId ?? "")}";
}
