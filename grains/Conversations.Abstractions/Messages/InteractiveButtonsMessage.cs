using System.Collections.Immutable;

namespace Conversations.Abstractions.Messages;

/// <summary>An interactive message with reply buttons.</summary>
[GenerateSerializer, Immutable]
[Alias("interactive-buttons-message")]
public sealed record InteractiveButtonsMessage(
    [property: Id(0)] string Body,
    [property: Id(1)] string? HeaderText,
    [property: Id(2)] string? Footer,
    [property: Id(3)] ImmutableArray<ReplyButton> Buttons) : FreeFormContent
{
    public override string TypeName => "interactive";
}
