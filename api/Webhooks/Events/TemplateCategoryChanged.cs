using Conversations.Abstractions.Templates;

namespace Conversations.Api.Webhooks.Events;

/// <summary>A "template_category_update": Meta re-categorized the template.</summary>
public sealed record TemplateCategoryChanged(string? WabaId, string? Name, string? Language, TemplateCategory Category)
    : TemplateEvent(WabaId, Name, Language)
{
    public override string Kind => "template_category";
}
