using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

[GenerateSerializer, Immutable]
[Alias("template-upsert-result")]
public sealed record TemplateUpsertResult(
    [property: Id(0)] TemplateDefinition Template,
    [property: Id(1)] ImmutableArray<LintWarning> Warnings);
