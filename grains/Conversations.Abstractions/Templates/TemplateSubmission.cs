namespace Conversations.Abstractions.Templates;

/// <summary>A template submitted to Meta for review: as stored (Meta's status and category, with lint warnings) and Meta's id.</summary>
[GenerateSerializer, Immutable]
[Alias("template-submission")]
public sealed record TemplateSubmission(
    [property: Id(0)] TemplateUpsertResult Stored,
    [property: Id(1)] string MetaTemplateId);
