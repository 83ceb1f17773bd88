using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

/// <summary>A stored template of one WABA, identified by (name, language).</summary>
[GenerateSerializer, Immutable]
[Alias("template-definition")]
public sealed record TemplateDefinition(
    [property: Id(0)] string WabaId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Language,
    [property: Id(3)] TemplateCategory Category,
    [property: Id(4)] TemplateStatus Status,
    [property: Id(5)] string Body,
    [property: Id(6)] ParameterFormat ParameterFormat,
    [property: Id(7)] ImmutableArray<string> ParameterNames,
    [property: Id(8)] DateTimeOffset UpdatedAt);
