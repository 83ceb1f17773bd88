namespace Conversations.Api.Webhooks.Events;

/// <summary>
/// An event Meta sent that this code understands but cannot apply yet (no phone number to key it by, a group
/// recipient): it goes straight to the number's dead letters with <see cref="Reason"/>.
/// </summary>
public sealed record UnappliedEvent(string? BusinessNumberId, string EventKind, string Reason, string Detail) : WebhookEvent
{
    /// <summary>A customer known only by a business-scoped user id (a username user): conversations are keyed by phone number.</summary>
    public const string CustomerWithoutPhoneNumber = "CUSTOMER_WITHOUT_PHONE_NUMBER";

    /// <summary>A status for a message sent to a BSUID: only recipient_user_id names the customer.</summary>
    public const string RecipientWithoutPhoneNumber = "RECIPIENT_WITHOUT_PHONE_NUMBER";

    /// <summary>A status of a message sent to a group: recipient_id is the group's id, not a customer's.</summary>
    public const string GroupRecipient = "GROUP_RECIPIENT";

    public override string Kind => EventKind;

    public override string Subject => $"{BusinessNumberId}/{Reason}";
}
