using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

/// <summary>A category Meta would likely assign differently, with the phrases that gave it away.</summary>
[GenerateSerializer, Immutable]
[Alias("lint-warning")]
public sealed record LintWarning(
    [property: Id(0)] string RuleId,
    [property: Id(1)] TemplateCategory SuggestedCategory,
    [property: Id(2)] ImmutableArray<string> MatchedPhrases,
    [property: Id(3)] string Message);
