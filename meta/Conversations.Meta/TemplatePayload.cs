using System.Globalization;
using Conversations.Abstractions.Messages;
using Conversations.Meta.Wire;

namespace Conversations.Meta;

/// <summary>
/// The <c>template</c> object of a send. The sender sees only the values a <see cref="TemplateMessage"/> carries, not the
/// template's definition, so each component is built from the values alone (see <see cref="HeaderMediaType"/> and
/// <see cref="Button"/> for what that cannot know).
/// </summary>
public static class TemplatePayload
{
    internal static TemplateObject For(TemplateMessage template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var components = new List<TemplateComponent>();
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
            components.AddRange(template.ButtonParameters.OrderBy(b => b.Index).Select(Button));
        }

        // A template without placeholders is sent without components, as Meta's own examples do.
        return new TemplateObject(template.Name, new TemplateLanguage(template.Language), components.Count > 0 ? components : null);
    }

    private static TemplateComponent? Header(TemplateMessage template)
    {
        if (template.HeaderMedia is { } media)
        {
            var type = HeaderMediaType(media);
            var body = MessagePayload.MediaObject(media);
            return Component("header", type switch
            {
                "video" => new MediaParameter(type, null, body, null),
                "document" => new MediaParameter(type, null, null, body),
                _ => new MediaParameter(type, body, null, null),
            });
        }

        // A text header has at most one placeholder; its name is part of the definition, so it goes positional.
        return template.HeaderText is { } text ? Component("header", Text(text)) : null;
    }

    private static TemplateComponent? Body(TemplateMessage template)
    {
        var parameters = new List<TemplateParameter>();
        if (!template.Parameters.IsDefaultOrEmpty)
        {
            parameters.AddRange(template.Parameters.Select(v => Text(v)));
        }

        if (template.NamedParameters is { Count: > 0 } named)
        {
            parameters.AddRange(named.Select(p => Text(p.Value, p.Key)));
        }

        return parameters.Count > 0 ? new TemplateComponent("body", null, null, parameters) : null;
    }

    /// <summary>
    /// A button value as a <c>url</c> button's parameter. That is Meta's shape for a URL button's dynamic suffix and also
    /// for the code of an authentication template's copy-code or one-tap button. A marketing template's copy-code
    /// (coupon) button would need <c>sub_type: copy_code</c> with a <c>coupon_code</c> parameter, which cannot be told
    /// apart from the value alone; Meta refuses such a send with a permanent parameter error.
    /// </summary>
    internal static TemplateComponent Button(ButtonParameter button)
    {
        ArgumentNullException.ThrowIfNull(button);
        return new TemplateComponent("button", "url", button.Index.ToString(CultureInfo.InvariantCulture), [Text(button.Value)]);
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

    private static TemplateComponent Component(string type, TemplateParameter parameter) => new(type, null, null, [parameter]);

    private static TextParameter Text(string value, string? name = null) => new("text", name, value);
}
