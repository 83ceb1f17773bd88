namespace Conversations.Api.Webhooks.Events;

/// <summary>An account signal of one WABA (the entry's id): its numbers' quality, its messaging limit, its standing.</summary>
public abstract record AccountEvent(string? WabaId) : WebhookEvent
{
    public override string Subject => WabaId ?? "";
}
