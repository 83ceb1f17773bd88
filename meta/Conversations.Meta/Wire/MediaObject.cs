using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>
/// Meta's media object: an uploaded id or a link, never both, so each is its own type and the one present is always
/// written (a link-less reference still goes as <c>"link":null</c>, as it always did).
/// </summary>
[JsonDerivedType(typeof(UploadedMedia))]
[JsonDerivedType(typeof(LinkedMedia))]
internal abstract record MediaObject;

internal sealed record UploadedMedia(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Caption = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Filename = null) : MediaObject;

internal sealed record LinkedMedia(
    string? Link,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Caption = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Filename = null) : MediaObject;
