namespace Conversations.Api.Webhooks.Events;

/// <summary>An event for one template of a WABA (the entry's id), named and languaged as Meta reports it.</summary>
public abstract record TemplateEvent(string? WabaId, string? Name, string? Language) : WebhookEvent
{
    public override string Subject => $"{WabaId}/{Name}/{Language}";
}
