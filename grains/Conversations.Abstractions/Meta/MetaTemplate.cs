using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Meta;

/// <summary>
/// A template as Meta's list shows it: Meta's id and the template as this service stores one (name, language, category,
/// status, body, text header, footer). Buttons and media examples are not carried.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("meta-template")]
public sealed record MetaTemplate([property: Id(0)] string Id, [property: Id(1)] TemplateDraft Draft);
