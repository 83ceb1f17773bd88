using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>Meta's interactive object: a reply-button message or a list message.</summary>
internal sealed record InteractiveObject(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InteractiveHeader? Header,
    InteractiveText Body,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InteractiveText? Footer,
    InteractiveAction Action);

internal sealed record InteractiveHeader(string Type, string Text);

internal sealed record InteractiveText(string Text);

/// <summary>Reply buttons or a list's button and sections: two shapes, each written in full.</summary>
[JsonDerivedType(typeof(ButtonsAction))]
[JsonDerivedType(typeof(ListAction))]
internal abstract record InteractiveAction;

internal sealed record ButtonsAction(IReadOnlyList<ReplyButtonObject> Buttons) : InteractiveAction;

internal sealed record ReplyButtonObject(string Type, ReplyObject Reply);

internal sealed record ReplyObject(string Id, string Title);

internal sealed record ListAction(string Button, IReadOnlyList<SectionObject> Sections) : InteractiveAction;

internal sealed record SectionObject(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    IReadOnlyList<RowObject> Rows);

internal sealed record RowObject(
    string Id,
    string Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description);
