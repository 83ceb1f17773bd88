using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;

namespace Conversations.Meta;

/// <summary>
/// The bodies of Meta's template management: a draft as <c>POST /{waba-id}/message_templates</c> takes it, and a page of
/// <c>GET /{waba-id}/message_templates</c> read back into templates and the cursor of the next page.
/// </summary>
public static partial class TemplateManagementPayload
{
    /// <summary>
    /// <c>{"name","language","category","parameter_format","components":[HEADER?, BODY, FOOTER?]}</c>; each placeholder gets
    /// an example (Meta refuses variables without one), its own name or position.
    /// </summary>
    public static byte[] Serialize(TemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var placeholders = Placeholder().Matches(draft.Body).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
        var named = placeholders.Exists(p => !p.All(char.IsAsciiDigit));
        var body = new JsonObject { ["type"] = "BODY", ["text"] = draft.Body };
        if (placeholders.Count > 0)
        {
            body["example"] = named
                ? new JsonObject { ["body_text_named_params"] = new JsonArray([.. placeholders.Select(p => (JsonNode)new JsonObject { ["param_name"] = p, ["example"] = p })]) }
                : new JsonObject { ["body_text"] = new JsonArray(new JsonArray([.. placeholders.Select(p => (JsonNode)JsonValue.Create("example " + p)!)])) };
        }

        var components = new JsonArray();
        if (draft.Header is { Format: HeaderFormat.Text, Text: { Length: > 0 } header })
        {
            components.Add(new JsonObject { ["type"] = "HEADER", ["format"] = "TEXT", ["text"] = header });
        }

        components.Add(body);
        if (draft.Footer is { Length: > 0 } footer)
        {
            components.Add(new JsonObject { ["type"] = "FOOTER", ["text"] = footer });
        }

        var template = new JsonObject
        {
            ["name"] = draft.Name,
            ["language"] = draft.Language,
            ["category"] = MetaName(draft.Category.ToString()),
            ["parameter_format"] = named ? "NAMED" : "POSITIONAL",
            ["components"] = components,
        };
        return JsonSerializer.SerializeToUtf8Bytes(template);
    }

    /// <summary>Meta's <c>{id, status, category}</c>; null when it is not that.</summary>
    public static MetaTemplateSubmission? ReadSubmission(ReadOnlySpan<byte> body)
    {
        var answer = Parse(body);
        return Str(answer, "id") is { Length: > 0 } id && Parse<TemplateStatus>(Str(answer, "status")) is { } status && Parse<TemplateCategory>(Str(answer, "category")) is { } category
            ? new MetaTemplateSubmission(id, status, category)
            : null;
    }

    /// <summary>
    /// One page: its templates, the <c>after</c> cursor of the next page (null on the last), and how many it held that
    /// this service cannot store (a status or category it does not know, or no body), which are left out.
    /// </summary>
    public static (ImmutableArray<MetaTemplate> Templates, string? After, int Unreadable)? ReadPage(ReadOnlySpan<byte> body)
    {
        if (Parse(body)?["data"] is not JsonArray data)
        {
            return null;
        }

        var templates = ImmutableArray.CreateBuilder<MetaTemplate>();
        var unreadable = 0;
        foreach (var item in data)
        {
            if (Read(item as JsonObject) is { } template)
            {
                templates.Add(template);
            }
            else
            {
                unreadable++;
            }
        }

        var paging = Parse(body)?["paging"];
        var after = paging?["next"] is not null ? Str(paging["cursors"] as JsonObject, "after") : null;
        return (templates.ToImmutable(), after, unreadable);
    }

    private static MetaTemplate? Read(JsonObject? template)
    {
        if (Str(template, "id") is not { Length: > 0 } id || Str(template, "name") is not { Length: > 0 } name || Str(template, "language") is not { Length: > 0 } language
            || Parse<TemplateStatus>(Str(template, "status")) is not { } status || Parse<TemplateCategory>(Str(template, "category")) is not { } category)
        {
            return null;
        }

        var components = (template!["components"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        JsonObject? Component(string type) => components.Find(c => string.Equals(Str(c, "type"), type, StringComparison.OrdinalIgnoreCase));
        if (Str(Component("BODY"), "text") is not { Length: > 0 } body)
        {
            return null;
        }

        var header = Component("HEADER") is { } h && string.Equals(Str(h, "format"), "TEXT", StringComparison.OrdinalIgnoreCase) && Str(h, "text") is { } text
            ? new TemplateHeader(HeaderFormat.Text, text)
            : null;
        return new MetaTemplate(id, new TemplateDraft(name, language, category, status, body) { Header = header, Footer = Str(Component("FOOTER"), "text") });
    }

    /// <summary>Meta's upper-case names (APPROVED, IN_APPEAL, MARKETING) as this service's enums.</summary>
    private static T? Parse<T>(string? name)
        where T : struct, Enum =>
        name is { Length: > 0 } && Enum.TryParse<T>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value) && !name.All(char.IsAsciiDigit)
            ? value
            : null;

    private static string MetaName(string pascal) => PascalWord().Replace(pascal, "_$1").ToUpperInvariant();

    private static JsonObject? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex PascalWord();
}
