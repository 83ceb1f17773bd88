namespace Conversations.Abstractions.Templates;

/// <summary>A template as an operator submits it; validated by the registry before it is stored.</summary>
[GenerateSerializer, Immutable]
[Alias("template-draft")]
public sealed record TemplateDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] TemplateCategory Category,
    [property: Id(3)] TemplateStatus Status,
    [property: Id(4)] string Body);
