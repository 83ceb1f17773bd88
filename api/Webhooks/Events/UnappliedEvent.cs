namespace Conversations.Api.Webhooks.Events;

/// <summary>
/// An event Meta sent that this code understands but cannot apply yet (a group recipient): it goes straight to the
/// number's dead letters with <see cref="Reason"/>.
/// </summary>
public sealed record UnappliedEvent(string? BusinessNumberId, string EventKind, string Reason, string Detail) : WebhookEvent
{
    /// <summary>A status of a message sent to a group: recipient_id is the group's id, not a customer's.</summary>
    public const string GroupRecipient = "GROUP_RECIPIENT";

    public override string Kind => EventKind;

    public override string Subject => $"{BusinessNumberId}/{Reason}";
}
