namespace Conversations.Abstractions.Templates;

/// <summary>Meta's template quality score (message_template_quality_update). Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("template-quality")]
public enum TemplateQuality
{
    Unknown = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
}
