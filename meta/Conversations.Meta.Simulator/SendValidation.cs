using Conversations.Abstractions.Identity;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Checks a send body the way the Cloud API does before anything else: the envelope, then the object of its type. A
/// failure is Meta's error 100 "Invalid parameter" with details naming the parameter.
/// </summary>
public static class SendValidation
{
    public static readonly IReadOnlySet<string> MediaTypes = new HashSet<string> { "image", "audio", "video", "document", "sticker" };

    /// <summary>Null when the body is a valid send; otherwise what is wrong with it.</summary>
    public static string? Problem(JsonNode? body)
    {
        if (body is not JsonObject send)
        {
            return "The request body must be a JSON object.";
        }

        if (Str(send, "messaging_product") != "whatsapp")
        {
            return "Param messaging_product must be 'whatsapp'.";
        }

        if (send["recipient_type"] is { } recipientType && Str(send, "recipient_type") != "individual")
        {
            return $"Param recipient_type must be 'individual', not {recipientType.ToJsonString()}.";
        }

        if (string.IsNullOrWhiteSpace(Str(send, "to")) && string.IsNullOrWhiteSpace(Str(send, "recipient")))
        {
            return "Param to or recipient is required.";
        }

        if (string.IsNullOrWhiteSpace(Str(send, "to")) && !CustomerUserId.Parse(Str(send, "recipient")).Succeeded)
        {
            return "Param recipient must be a business-scoped user id (CC.digits).";
        }

        var type = Str(send, "type") ?? "text";
        if (send[type] is not JsonNode content)
        {
            return $"Param {type} is required for type {type}.";
        }

        return type switch
        {
            "text" => Text(content),
            _ when MediaTypes.Contains(type) => Media(type, content),
            "interactive" => Interactive(content),
            "location" => Location(content),
            "contacts" => Contacts(content),
            "reaction" => Reaction(content),
            "template" => Template(content),
            _ => $"Param type must be one of text, image, audio, video, document, sticker, interactive, location, contacts, reaction, template; not '{type}'.",
        };
    }

    public static string? TypeOf(JsonNode? body) => body is JsonObject send ? Str(send, "type") ?? "text" : null;

    private static string? Text(JsonNode text)
    {
        var body = Str(text, "body");
        if (string.IsNullOrEmpty(body))
        {
            return "Param text['body'] is required.";
        }

        return body.Length > 4096 ? "Param text['body'] must be at most 4096 characters." : null;
    }

    private static string? Media(string type, JsonNode media)
    {
        var hasId = !string.IsNullOrEmpty(Str(media, "id"));
        var hasLink = !string.IsNullOrEmpty(Str(media, "link"));
        if (hasId == hasLink)
        {
            return $"Param {type} must have exactly one of 'id' or 'link'.";
        }

        if (media["caption"] is not null && type is "audio" or "sticker")
        {
            return $"Param {type}['caption'] is not allowed for {type}.";
        }

        return media["filename"] is not null && type != "document" ? $"Param {type}['filename'] is only allowed for documents." : null;
    }

    private static string? Interactive(JsonNode interactive)
    {
        if (string.IsNullOrEmpty(Str(interactive["body"], "text")))
        {
            return "Param interactive['body']['text'] is required.";
        }

        var action = interactive["action"];
        switch (Str(interactive, "type"))
        {
            case "button":
                if (action?["buttons"] is not JsonArray { Count: >= 1 and <= 3 } buttons)
                {
                    return "Param interactive['action']['buttons'] must have 1 to 3 buttons.";
                }

                return buttons.Any(b => Str(b, "type") != "reply" || string.IsNullOrEmpty(Str(b?["reply"], "id")) || string.IsNullOrEmpty(Str(b?["reply"], "title")))
                    ? "Each button must be {\"type\":\"reply\",\"reply\":{\"id\",\"title\"}}."
                    : null;
            case "list":
                if (string.IsNullOrEmpty(Str(action, "button")))
                {
                    return "Param interactive['action']['button'] is required.";
                }

                if (action?["sections"] is not JsonArray { Count: >= 1 and <= 10 } sections)
                {
                    return "Param interactive['action']['sections'] must have 1 to 10 sections.";
                }

                return sections.Any(s => s?["rows"] is not JsonArray { Count: > 0 } rows
                        || rows.Any(r => string.IsNullOrEmpty(Str(r, "id")) || string.IsNullOrEmpty(Str(r, "title"))))
                    ? "Each section needs rows with an id and a title."
                    : null;
            default:
                return "Param interactive['type'] must be 'button' or 'list'.";
        }
    }

    private static string? Location(JsonNode location) =>
        location["latitude"] is JsonValue latitude && latitude.GetValueKind() == JsonValueKind.Number
        && location["longitude"] is JsonValue longitude && longitude.GetValueKind() == JsonValueKind.Number
            ? null
            : "Params location['latitude'] and location['longitude'] are required numbers.";

    private static string? Contacts(JsonNode contacts) =>
        contacts is JsonArray { Count: > 0 } cards && cards.All(c => !string.IsNullOrEmpty(Str(c?["name"], "formatted_name")))
            ? null
            : "Param contacts must be a non-empty array whose entries have name['formatted_name'].";

    private static string? Reaction(JsonNode reaction) =>
        string.IsNullOrEmpty(Str(reaction, "message_id")) || Str(reaction, "emoji") is null
            ? "Params reaction['message_id'] and reaction['emoji'] are required."
            : null;

    private static string? Template(JsonNode template)
    {
        if (string.IsNullOrEmpty(Str(template, "name")) || string.IsNullOrEmpty(Str(template["language"], "code")))
        {
            return "Params template['name'] and template['language']['code'] are required.";
        }

        if (template["components"] is null)
        {
            return null;
        }

        if (template["components"] is not JsonArray components)
        {
            return "Param template['components'] must be an array.";
        }

        foreach (var component in components)
        {
            var type = Str(component, "type");
            if (type is not ("header" or "body" or "button"))
            {
                return "Each template component's type must be header, body or button.";
            }

            if (type == "button" && (string.IsNullOrEmpty(Str(component, "sub_type")) || component?["index"] is null))
            {
                return "A button component needs a sub_type and an index.";
            }

            if (component?["parameters"] is not JsonArray parameters || parameters.Any(p => string.IsNullOrEmpty(Str(p, "type"))))
            {
                return "Each template component needs parameters, each with a type.";
            }
        }

        return null;
    }

    private static string? Str(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
