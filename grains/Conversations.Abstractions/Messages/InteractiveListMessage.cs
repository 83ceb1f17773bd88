using System.Collections.Immutable;

namespace Conversations.Abstractions.Messages;

/// <summary>An interactive list: a button that opens sections of selectable rows.</summary>
[GenerateSerializer, Immutable]
[Alias("interactive-list-message")]
public sealed record InteractiveListMessage(
    [property: Id(0)] string Body,
    [property: Id(1)] string? HeaderText,
    [property: Id(2)] string? Footer,
    [property: Id(3)] string ButtonText,
    [property: Id(4)] ImmutableArray<ListSection> Sections) : FreeFormContent
{
    public override string TypeName => "interactive";
}
