namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("location-message")]
public sealed record LocationMessage(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Address) : FreeFormContent
{
    public override string TypeName => "location";
}
