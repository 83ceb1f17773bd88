using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

internal sealed record LocationObject(
    double Latitude,
    double Longitude,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address);
