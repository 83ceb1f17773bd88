using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using static Conversations.Grains.Sending.FieldRules;

namespace Conversations.Grains.Sending;

/// <summary>WhatsApp's shape rules for free-form content, checked before any window decision so a bad message is never stored.</summary>
public static class ContentRules
{
    public static Refusal? Check(FreeFormContent content, ContentLimits limits) => content switch
    {
        TextMessage text => First(
            () => Required(text.Body, "text.body"),
            () => MaxLength(text.Body, limits.MaxTextLength, "text.body", RefusalReason.TextTooLong)),
        MediaMessage media => CheckMedia(media, limits),
        InteractiveButtonsMessage buttons => CheckButtons(buttons, limits),
        InteractiveListMessage list => CheckList(list, limits),
        LocationMessage location => CheckLocation(location, limits),
        ContactsMessage contacts => CheckContacts(contacts, limits),
        ReactionMessage reaction => First(
            () => Required(reaction.MessageId, "reaction.message_id"),
            () => MaxLength(reaction.MessageId, 256, "reaction.message_id"),
            () => MaxLength(reaction.Emoji, 16, "reaction.emoji")),
        _ => Invalid("content", "unsupported_type", $"Content type {content.GetType().Name} is not supported."),
    };

    public static Refusal? CheckMediaRef(MediaRef? media, string field, ContentLimits limits)
    {
        if (media is null || (string.IsNullOrWhiteSpace(media.Id) && string.IsNullOrWhiteSpace(media.Link)))
        {
            return Refusal.MissingField($"{field}.id|link");
        }

        if (!string.IsNullOrWhiteSpace(media.Id) && !string.IsNullOrWhiteSpace(media.Link))
        {
            return Invalid(field, "id_or_link", $"{field} takes either an uploaded media id or a link, not both.");
        }

        if (media.Id is { Length: > 0 } id)
        {
            return MaxLength(id, limits.MaxMediaIdLength, $"{field}.id");
        }

        return First(
            () => MaxLength(media.Link, limits.MaxMediaLinkLength, $"{field}.link"),
            () => Uri.TryCreate(media.Link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
                ? null
                : Invalid($"{field}.link", "https_url", $"{field}.link must be an absolute https URL."));
    }

    private static Refusal? CheckMedia(MediaMessage media, ContentLimits limits)
    {
        var field = media.TypeName;
        return First(
            () => Enum.IsDefined(media.Type) ? null : Refusal.MissingField("media.type"),
            () => CheckMediaRef(media.Media, field, limits),
            () => media.Caption is { Length: > 0 } && media.Type is MediaType.Audio or MediaType.Sticker
                ? Invalid($"{field}.caption", "no_caption", $"{field} messages cannot have a caption.")
                : MaxLength(media.Caption, limits.MaxCaptionLength, $"{field}.caption"),
            () => media.Filename is { Length: > 0 } && media.Type != MediaType.Document
                ? Invalid($"{field}.filename", "document_only", "Only documents have a filename.")
                : MaxLength(media.Filename, limits.MaxFilenameLength, $"{field}.filename"));
    }

    private static Refusal? CheckButtons(InteractiveButtonsMessage message, ContentLimits limits)
    {
        var buttons = message.Buttons.IsDefault ? [] : message.Buttons;
        return First(
            () => RequiredMaxLength(message.Body, limits.MaxInteractiveBodyLength, "interactive.body"),
            () => MaxLength(message.HeaderText, limits.MaxInteractiveHeaderLength, "interactive.header"),
            () => MaxLength(message.Footer, limits.MaxInteractiveFooterLength, "interactive.footer"),
            () => buttons.Length == 0 ? Refusal.MissingField("interactive.buttons") : null,
            () => MaxItems(buttons.Length, limits.MaxReplyButtons, "interactive.buttons"),
            () => EachOf(buttons, (button, i) => First(
                () => RequiredMaxLength(button.Id, limits.MaxReplyButtonIdLength, $"interactive.buttons[{i}].id"),
                () => RequiredMaxLength(button.Title, limits.MaxReplyButtonTitleLength, $"interactive.buttons[{i}].title"))),
            () => Unique(buttons.Select(b => b.Id), "interactive.buttons[].id"),
            () => Unique(buttons.Select(b => b.Title), "interactive.buttons[].title"));
    }

    private static Refusal? CheckList(InteractiveListMessage message, ContentLimits limits)
    {
        var sections = message.Sections.IsDefault ? [] : message.Sections;
        var rows = sections.SelectMany(s => s.Rows.IsDefault ? [] : s.Rows).ToList();
        return First(
            () => RequiredMaxLength(message.Body, limits.MaxInteractiveBodyLength, "interactive.body"),
            () => MaxLength(message.HeaderText, limits.MaxInteractiveHeaderLength, "interactive.header"),
            () => MaxLength(message.Footer, limits.MaxInteractiveFooterLength, "interactive.footer"),
            () => RequiredMaxLength(message.ButtonText, limits.MaxListButtonTextLength, "interactive.button"),
            () => sections.Length == 0 ? Refusal.MissingField("interactive.sections") : null,
            () => MaxItems(sections.Length, limits.MaxListSections, "interactive.sections"),
            () => MaxItems(rows.Count, limits.MaxListRows, "interactive.sections[].rows"),
            () => EachOf(sections, (section, i) => First(
                // Meta requires a title on every section once there is more than one.
                () => sections.Length > 1 ? Required(section.Title, $"interactive.sections[{i}].title") : null,
                () => MaxLength(section.Title, limits.MaxListSectionTitleLength, $"interactive.sections[{i}].title"),
                () => section.Rows.IsDefaultOrEmpty ? Refusal.MissingField($"interactive.sections[{i}].rows") : null,
                () => EachOf(section.Rows, (row, j) => First(
                    () => RequiredMaxLength(row.Id, limits.MaxListRowIdLength, $"interactive.sections[{i}].rows[{j}].id"),
                    () => RequiredMaxLength(row.Title, limits.MaxListRowTitleLength, $"interactive.sections[{i}].rows[{j}].title"),
                    () => MaxLength(row.Description, limits.MaxListRowDescriptionLength, $"interactive.sections[{i}].rows[{j}].description"))))),
            () => Unique(rows.Select(r => r.Id), "interactive.sections[].rows[].id"));
    }

    private static Refusal? CheckLocation(LocationMessage location, ContentLimits limits) => First(
        () => double.IsFinite(location.Latitude) && location.Latitude is >= -90 and <= 90
            ? null
            : Invalid("location.latitude", "range", "location.latitude must be between -90 and 90."),
        () => double.IsFinite(location.Longitude) && location.Longitude is >= -180 and <= 180
            ? null
            : Invalid("location.longitude", "range", "location.longitude must be between -180 and 180."),
        () => MaxLength(location.Name, limits.MaxLocationTextLength, "location.name"),
        () => MaxLength(location.Address, limits.MaxLocationTextLength, "location.address"));

    private static Refusal? CheckContacts(ContactsMessage message, ContentLimits limits)
    {
        var contacts = message.Contacts.IsDefault ? [] : message.Contacts;
        return First(
            () => contacts.Length == 0 ? Refusal.MissingField("contacts") : null,
            () => MaxItems(contacts.Length, limits.MaxContacts, "contacts"),
            () => EachOf(contacts, (contact, i) => First(
                () => RequiredMaxLength(contact.FormattedName, limits.MaxLocationTextLength, $"contacts[{i}].name.formatted_name"),
                () => contact.Phones.IsDefaultOrEmpty && contact.Emails.IsDefaultOrEmpty
                    ? Refusal.MissingField($"contacts[{i}].phones")
                    : null)));
    }

    private static Refusal? EachOf<T>(IEnumerable<T> items, Func<T, int, Refusal?> check) =>
        items.Select(check).FirstOrDefault(r => r is not null);

    private static Refusal? Unique(IEnumerable<string> values, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                return Invalid(field, "unique", $"{field} must be unique; '{value}' appears twice.");
            }
        }

        return null;
    }
}
