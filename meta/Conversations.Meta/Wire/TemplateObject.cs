using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>Meta's template object: the approved template's name and language, and the values for its placeholders.</summary>
internal sealed record TemplateObject(
    string Name,
    TemplateLanguage Language,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TemplateComponent>? Components);

internal sealed record TemplateLanguage(string Code);

/// <summary>A header or body component (type and parameters), or a button (with its sub_type and index).</summary>
internal sealed record TemplateComponent(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SubType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Index,
    IReadOnlyList<TemplateParameter> Parameters);

/// <summary>A text value (positional, or named by <c>parameter_name</c>) or a header's media: two shapes.</summary>
[JsonDerivedType(typeof(TextParameter))]
[JsonDerivedType(typeof(MediaParameter))]
internal abstract record TemplateParameter;

internal sealed record TextParameter(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParameterName,
    string Text) : TemplateParameter;

/// <summary>A media header's parameter: its type, and the media under that type's name.</summary>
internal sealed record MediaParameter(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MediaObject? Image,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MediaObject? Video,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MediaObject? Document) : TemplateParameter;
