using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Meta;

/// <summary>Meta's answer to a template submitted for review: <c>{id, status, category}</c>.</summary>
[GenerateSerializer, Immutable]
[Alias("meta-template-submission")]
public sealed record MetaTemplateSubmission(
    [property: Id(0)] string Id,
    [property: Id(1)] TemplateStatus Status,
    [property: Id(2)] TemplateCategory Category);
