using Conversations.Abstractions.Templates;

namespace Conversations.Api.Webhooks.Events;

/// <summary>A "message_template_quality_update": the template's new quality score.</summary>
public sealed record TemplateQualityChanged(string? WabaId, string? Name, string? Language, TemplateQuality Quality)
    : TemplateEvent(WabaId, Name, Language)
{
    public override string Kind => "template_quality";
}
