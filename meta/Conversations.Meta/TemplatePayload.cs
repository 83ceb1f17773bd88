using System.Globalization;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;

namespace Conversations.Meta;

/// <summary>
/// The <c>template</c> object of a send. The sender sees only the values a <see cref="TemplateMessage"/> carries, not the
/// template's definition, so each component is built from the values alone (see <see cref="HeaderMediaType"/> and
/// <see cref="Button"/> for what that cannot know).
/// </summary>
public static class TemplatePayload
{
    public static JsonObject For(TemplateMessage template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var node = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        var components = new JsonArray();
        if (Header(template) is { } header)
        {
            components.Add(header);
        }

        if (Body(template) is { } body)
        {
            components.Add(body);
        }

        if (!template.ButtonParameters.IsDefaultOrEmpty)
        {
            foreach (var button in template.ButtonParameters.OrderBy(b => b.Index))
            {
                components.Add(Button(button));
            }
        }

        // A template without placeholders is sent without components, as Meta's own examples do.
        if (components.Count > 0)
        {
            node["components"] = components;
        }

        return node;
    }

    private static JsonObject? Header(TemplateMessage template)
    {
        if (template.HeaderMedia is { } media)
        {
            var type = HeaderMediaType(media);
            return Component("header", new JsonObject { ["type"] = type, [type] = MessagePayload.MediaObject(media) });
        }

        // A text header has at most one placeholder; its name is part of the definition, so it goes positional.
        return template.HeaderText is { } text ? Component("header", Text(text)) : null;
    }

    private static JsonObject? Body(TemplateMessage template)
    {
        var parameters = new List<JsonNode>();
        if (!template.Parameters.IsDefaultOrEmpty)
        {
            parameters.AddRange(template.Parameters.Select(v => (JsonNode)Text(v)));
        }

        if (template.NamedParameters is { Count: > 0 } named)
        {
            parameters.AddRange(named.Select(p => (JsonNode)new JsonObject
            {
                ["type"] = "text",
                ["parameter_name"] = p.Key,
                ["text"] = p.Value,
            }));
        }

        return parameters.Count > 0 ? Component("body", [.. parameters]) : null;
    }

    /// <summary>
    /// A button value as a <c>url</c> button's parameter. That is Meta's shape for a URL button's dynamic suffix and also
    /// for the code of an authentication template's copy-code or one-tap button. A marketing template's copy-code
    /// (coupon) button would need <c>sub_type: copy_code</c> with a <c>coupon_code</c> parameter, which cannot be told
    /// apart from the value alone; Meta refuses such a send with a permanent parameter error.
    /// </summary>
    public static JsonObject Button(ButtonParameter button)
    {
        ArgumentNullException.ThrowIfNull(button);
        return new JsonObject
        {
            ["type"] = "button",
            ["sub_type"] = "url",
            ["index"] = button.Index.ToString(CultureInfo.InvariantCulture),
            ["parameters"] = new JsonArray(Text(button.Value)),
        };
    }

    /// <summary>
    /// The header's media type, which belongs to the template's definition. A link says it by its file extension
    /// (video: .mp4, .3gp; document: .pdf, office formats, .txt); an uploaded media id says nothing, so it is sent
    /// as an image, the most common media header.
    /// </summary>
    public static string HeaderMediaType(MediaRef media)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Id is { Length: > 0 } || !Uri.TryCreate(media.Link, UriKind.Absolute, out var link))
        {
            return "image";
        }

        return Path.GetExtension(link.AbsolutePath).ToLowerInvariant() switch
        {
            ".mp4" or ".3gp" => "video",
            ".pdf" or ".doc" or ".docx" or ".xls" or ".xlsx" or ".ppt" or ".pptx" or ".txt" => "document",
            _ => "image",
        };
    }

    private static JsonObject Component(string type, params JsonNode[] parameters) => new()
    {
        ["type"] = type,
        ["parameters"] = new JsonArray(parameters),
    };

    private static JsonObject Text(string value) => new() { ["type"] = "text", ["text"] = value };
}
