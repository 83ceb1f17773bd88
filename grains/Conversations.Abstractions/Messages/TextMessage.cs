namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("text-message")]
public sealed record TextMessage(
    [property: Id(0)] string Body,
    [property: Id(1)] bool PreviewUrl = false) : FreeFormContent
{
    public override string TypeName => "text";
}
