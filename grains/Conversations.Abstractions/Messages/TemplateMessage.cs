using System.Collections.Immutable;

namespace Conversations.Abstractions.Messages;

/// <summary>An approved template with the values for its placeholders; may be sent at any time.</summary>
[GenerateSerializer, Immutable]
[Alias("template-message")]
public sealed record TemplateMessage(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] ImmutableArray<string> Parameters,
    [property: Id(3)] ImmutableSortedDictionary<string, string> NamedParameters) : MessageContent
{
    /// <summary>The value of a text header's single placeholder.</summary>
    [Id(4)] public string? HeaderText { get; init; }

    /// <summary>The media of an image, video or document header.</summary>
    [Id(5)] public MediaRef? HeaderMedia { get; init; }

    [Id(6)] public ImmutableArray<ButtonParameter> ButtonParameters { get; init; } = [];

    public override MessageKind Kind => MessageKind.Template;

    public override string TypeName => "template";
}
