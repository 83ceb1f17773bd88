using Conversations.Abstractions.Templates;

namespace Conversations.Api.Webhooks.Events;

/// <summary>A "message_template_status_update": approved, rejected, paused, disabled, ...</summary>
public sealed record TemplateStatusChanged(string? WabaId, string? Name, string? Language, TemplateStatus Status)
    : TemplateEvent(WabaId, Name, Language)
{
    public override string Kind => "template_status";
}
