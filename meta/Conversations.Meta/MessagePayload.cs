using System.Text.Json;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Wire;

namespace Conversations.Meta;

/// <summary>The JSON body of <c>POST /{phone-number-id}/messages</c>, exactly as the Cloud API documents it per type.</summary>
public static class MessagePayload
{
    /// <summary>The UTF-8 JSON body for <paramref name="message"/>.</summary>
    /// <exception cref="NotSupportedException">The content has no Cloud API message type.</exception>
    public static byte[] Serialize(OutboundMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(For(message), CloudApiJsonContext.Default.MessageRequest);

    internal static MessageRequest For(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var to = message.To;
        return message.Content switch
        {
            TextMessage text => new(to, "text") { Text = new TextObject(text.PreviewUrl, text.Body) },
            MediaMessage media => Media(to, media),
            InteractiveButtonsMessage buttons => new(to, "interactive") { Interactive = Buttons(buttons) },
            InteractiveListMessage list => new(to, "interactive") { Interactive = List(list) },
            LocationMessage location => new(to, "location") { Location = Location(location) },
            ContactsMessage contacts => new(to, "contacts") { Contacts = [.. contacts.Contacts.Select(Contact)] },
            ReactionMessage reaction => new(to, "reaction") { Reaction = new ReactionObject(reaction.MessageId, reaction.Emoji) },
            TemplateMessage template => new(to, "template") { Template = TemplatePayload.For(template) },
            var content => throw new NotSupportedException($"No Cloud API message type for {content?.GetType().Name ?? "null"}."),
        };
    }

    private static MessageRequest Media(string to, MediaMessage media)
    {
        // Meta takes a caption on image, video and document only, and a filename on documents only.
        var caption = media.Caption is { Length: > 0 } c && media.Type is MediaType.Image or MediaType.Video or MediaType.Document ? c : null;
        var filename = media.Filename is { Length: > 0 } f && media.Type == MediaType.Document ? f : null;
        var body = MediaObject(media.Media, caption, filename);
        return media.Type switch
        {
            MediaType.Image => new(to, "image") { Image = body },
            MediaType.Audio => new(to, "audio") { Audio = body },
            MediaType.Video => new(to, "video") { Video = body },
            MediaType.Document => new(to, "document") { Document = body },
            MediaType.Sticker => new(to, "sticker") { Sticker = body },
            _ => throw new NotSupportedException($"No Cloud API media type for {media.Type}."),
        };
    }

    /// <summary>An uploaded media id wins over a link; the two are exclusive in Meta's API.</summary>
    internal static MediaObject MediaObject(MediaRef media, string? caption = null, string? filename = null) =>
        media.Id is { Length: > 0 } id ? new UploadedMedia(id, caption, filename) : new LinkedMedia(media.Link, caption, filename);

    private static InteractiveObject Buttons(InteractiveButtonsMessage message) => new(
        "button",
        Header(message.HeaderText),
        new InteractiveText(message.Body),
        Footer(message.Footer),
        new ButtonsAction([.. message.Buttons.Select(b => new ReplyButtonObject("reply", new ReplyObject(b.Id, b.Title)))]));

    private static InteractiveObject List(InteractiveListMessage message) => new(
        "list",
        Header(message.HeaderText),
        new InteractiveText(message.Body),
        Footer(message.Footer),
        new ListAction(message.ButtonText, [.. message.Sections.Select(Section)]));

    private static SectionObject Section(ListSection section) => new(
        section.Title is { Length: > 0 } title ? title : null,
        [.. section.Rows.Select(r => new RowObject(r.Id, r.Title, r.Description is { Length: > 0 } description ? description : null))]);

    private static InteractiveHeader? Header(string? header) => header is { Length: > 0 } ? new InteractiveHeader("text", header) : null;

    private static InteractiveText? Footer(string? footer) => footer is { Length: > 0 } ? new InteractiveText(footer) : null;

    private static LocationObject Location(LocationMessage location) => new(
        location.Latitude,
        location.Longitude,
        location.Name is { Length: > 0 } name ? name : null,
        location.Address is { Length: > 0 } address ? address : null);

    private static ContactObject Contact(ContactCard card) => new(
        // Meta requires formatted_name plus at least one other name field; the card has one full name, and splitting it
        // into first and last would guess at how names are built, so it goes whole into first_name.
        new ContactName(card.FormattedName, card.FormattedName),
        card.Phones.IsDefaultOrEmpty ? null : [.. card.Phones.Select(p => new ContactPhone(p))],
        card.Emails.IsDefaultOrEmpty ? null : [.. card.Emails.Select(e => new ContactEmail(e))]);
}
