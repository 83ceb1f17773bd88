namespace Conversations.Abstractions.Templates;

/// <summary>One template button. A URL may end in one {{1}} placeholder, its dynamic suffix, filled at send time.</summary>
[GenerateSerializer, Immutable]
[Alias("template-button")]
public sealed record TemplateButton(
    [property: Id(0)] ButtonType Type,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Url = null,
    [property: Id(3)] string? PhoneNumber = null);
