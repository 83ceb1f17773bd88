using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

/// <summary>A template as an operator submits it; validated by the registry before it is stored.</summary>
[GenerateSerializer, Immutable]
[Alias("template-draft")]
public sealed record TemplateDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] TemplateCategory Category,
    [property: Id(3)] TemplateStatus Status,
    [property: Id(4)] string Body)
{
    [Id(5)] public TemplateHeader? Header { get; init; }

    [Id(6)] public string? Footer { get; init; }

    [Id(7)] public ImmutableArray<TemplateButton> Buttons { get; init; } = [];

    /// <summary>Authentication templates only: how long the code stays valid, 1 to 90 minutes.</summary>
    [Id(8)] public int? CodeExpiryMinutes { get; init; }
}
