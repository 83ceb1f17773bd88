using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

/// <summary>A stored template of one WABA, identified by (name, language), with its lifecycle.</summary>
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
    [property: Id(8)] DateTimeOffset UpdatedAt)
{
    [Id(9)] public TemplateHeader? Header { get; init; }

    [Id(10)] public string? Footer { get; init; }

    [Id(11)] public ImmutableArray<TemplateButton> Buttons { get; init; } = [];

    [Id(12)] public int? CodeExpiryMinutes { get; init; }

    [Id(13)] public TemplateQuality Quality { get; init; }

    /// <summary>How often low quality paused it; the third pause disables it.</summary>
    [Id(14)] public int PauseCount { get; init; }

    [Id(15)] public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The placeholder of a text header, if it has one.</summary>
    [Id(16)] public string? HeaderParameterName { get; init; }
}
