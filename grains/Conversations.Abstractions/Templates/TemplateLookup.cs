using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

/// <summary>The template asked for, or the languages the name exists in when that language does not.</summary>
[GenerateSerializer, Immutable]
[Alias("template-lookup")]
public sealed record TemplateLookup(
    [property: Id(0)] TemplateDefinition? Template,
    [property: Id(1)] ImmutableArray<string> LanguagesAvailable);
