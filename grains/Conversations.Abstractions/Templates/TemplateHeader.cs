namespace Conversations.Abstractions.Templates;

/// <summary>A text header (with at most one placeholder) or a media header whose media is given at send time.</summary>
[GenerateSerializer, Immutable]
[Alias("template-header")]
public sealed record TemplateHeader([property: Id(0)] HeaderFormat Format, [property: Id(1)] string? Text);
