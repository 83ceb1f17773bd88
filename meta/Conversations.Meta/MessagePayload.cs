using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta;

/// <summary>The JSON body of <c>POST /{phone-number-id}/messages</c>, exactly as the Cloud API documents it per type.</summary>
public static class MessagePayload
{
    public static JsonObject For(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (type, body) = TypeObject(message.Content);
        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = message.To,
            ["type"] = type,
            [type] = body,
        };
    }

    private static (string Type, JsonNode Body) TypeObject(MessageContent content) => content switch
    {
        TextMessage text => ("text", new JsonObject { ["preview_url"] = text.PreviewUrl, ["body"] = text.Body }),
        MediaMessage media => Media(media),
        InteractiveButtonsMessage buttons => ("interactive", Buttons(buttons)),
        InteractiveListMessage list => ("interactive", List(list)),
        LocationMessage location => ("location", Location(location)),
        ContactsMessage contacts => ("contacts", new JsonArray([.. contacts.Contacts.Select(Contact)])),
        ReactionMessage reaction => ("reaction", new JsonObject { ["message_id"] = reaction.MessageId, ["emoji"] = reaction.Emoji }),
        TemplateMessage template => ("template", TemplatePayload.For(template)),
        _ => throw new NotSupportedException($"No Cloud API message type for {content?.GetType().Name ?? "null"}."),
    };

    private static (string, JsonNode) Media(MediaMessage media)
    {
        var type = media.Type switch
        {
            MediaType.Image => "image",
            MediaType.Audio => "audio",
            MediaType.Video => "video",
            MediaType.Document => "document",
            MediaType.Sticker => "sticker",
            _ => throw new NotSupportedException($"No Cloud API media type for {media.Type}."),
        };
        var body = MediaObject(media.Media);
        // Meta takes a caption on image, video and document only, and a filename on documents only.
        if (media.Caption is { Length: > 0 } caption && media.Type is MediaType.Image or MediaType.Video or MediaType.Document)
        {
            body["caption"] = caption;
        }

        if (media.Filename is { Length: > 0 } filename && media.Type == MediaType.Document)
        {
            body["filename"] = filename;
        }

        return (type, body);
    }

    /// <summary>An uploaded media id wins over a link; the two are exclusive in Meta's API.</summary>
    internal static JsonObject MediaObject(MediaRef media) =>
        media.Id is { Length: > 0 } id ? new JsonObject { ["id"] = id } : new JsonObject { ["link"] = media.Link };

    private static JsonObject Buttons(InteractiveButtonsMessage message)
    {
        var interactive = new JsonObject { ["type"] = "button" };
        AddHeaderBodyFooter(interactive, message.HeaderText, message.Body, message.Footer);
        interactive["action"] = new JsonObject
        {
            ["buttons"] = new JsonArray([.. message.Buttons.Select(b => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = b.Id, ["title"] = b.Title },
            })]),
        };
        return interactive;
    }

    private static JsonObject List(InteractiveListMessage message)
    {
        var interactive = new JsonObject { ["type"] = "list" };
        AddHeaderBodyFooter(interactive, message.HeaderText, message.Body, message.Footer);
        interactive["action"] = new JsonObject
        {
            ["button"] = message.ButtonText,
            ["sections"] = new JsonArray([.. message.Sections.Select(Section)]),
        };
        return interactive;
    }

    private static JsonNode Section(ListSection section)
    {
        var node = new JsonObject();
        if (section.Title is { Length: > 0 } title)
        {
            node["title"] = title;
        }

        node["rows"] = new JsonArray([.. section.Rows.Select(r =>
        {
            var row = new JsonObject { ["id"] = r.Id, ["title"] = r.Title };
            if (r.Description is { Length: > 0 } description)
            {
                row["description"] = description;
            }

            return (JsonNode)row;
        })]);
        return node;
    }

    private static void AddHeaderBodyFooter(JsonObject interactive, string? header, string body, string? footer)
    {
        if (header is { Length: > 0 })
        {
            interactive["header"] = new JsonObject { ["type"] = "text", ["text"] = header };
        }

        interactive["body"] = new JsonObject { ["text"] = body };
        if (footer is { Length: > 0 })
        {
            interactive["footer"] = new JsonObject { ["text"] = footer };
        }
    }

    private static JsonObject Location(LocationMessage location)
    {
        var node = new JsonObject { ["latitude"] = location.Latitude, ["longitude"] = location.Longitude };
        if (location.Name is { Length: > 0 } name)
        {
            node["name"] = name;
        }

        if (location.Address is { Length: > 0 } address)
        {
            node["address"] = address;
        }

        return node;
    }

    private static JsonNode Contact(ContactCard card)
    {
        // Meta requires formatted_name plus at least one other name field; the card has one full name, and splitting it
        // into first and last would guess at how names are built, so it goes whole into first_name.
        var contact = new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = card.FormattedName, ["first_name"] = card.FormattedName },
        };
        if (!card.Phones.IsDefaultOrEmpty)
        {
            contact["phones"] = new JsonArray([.. card.Phones.Select(p => (JsonNode)new JsonObject { ["phone"] = p })]);
        }

        if (!card.Emails.IsDefaultOrEmpty)
        {
            contact["emails"] = new JsonArray([.. card.Emails.Select(e => (JsonNode)new JsonObject { ["email"] = e })]);
        }

        return contact;
    }
}
