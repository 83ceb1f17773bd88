namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("media-message")]
public sealed record MediaMessage(
    [property: Id(0)] MediaType Type,
    [property: Id(1)] MediaRef Media,
    [property: Id(2)] string? Caption,
    [property: Id(3)] string? Filename) : FreeFormContent
{
    public override string TypeName => Type.ToString().ToLowerInvariant();
}
