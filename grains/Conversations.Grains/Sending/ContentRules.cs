using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using static Conversations.Abstractions.Refusals.FieldRules;

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
            () => MaxLength(reaction.MessageId, limits.MaxReactionMessageIdLength, "reaction.message_id"),
            () => MaxLength(reaction.Emoji, limits.MaxReactionEmojiLength, "reaction.emoji")),
        _ => Invalid("content", "unsupported_type", $"Content type {content.GetType().Name} is not supported."),
    };

    public static Refusal? CheckMediaRef(MediaRef? media, string field, ContentLimits limits)
    {
        // A blank id or link is absent, as proto3 sends it: a blank id beside a link must not let the link skip the https rule.
        var id = string.IsNullOrWhiteSpace(media?.Id) ? null : media.Id;
        var link = string.IsNullOrWhiteSpace(media?.Link) ? null : media.Link;
        return (id, link) switch
        {
            (null, null) => Refusal.MissingField($"{field}.id|link"),
            (not null, not null) => Invalid($"{field}.id|link", "id_or_link", $"{field}.id|link takes an uploaded media id or a link, not both."),
            (not null, null) => MaxLength(id, limits.MaxMediaIdLength, $"{field}.id"),
            (null, not null) => First(
                () => MaxLength(link, limits.MaxMediaLinkLength, $"{field}.link"),
                () => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
                    ? null
                    : Invalid($"{field}.link", "https_url", $"{field}.link must be an absolute https URL.")),
        };
    }

    private static Refusal? CheckMedia(MediaMessage media, ContentLimits limits)
    {
        var field = media.TypeName;
        return First(
            () => media.Type == default ? Refusal.MissingField("media.type") : null,
            () => Enum.IsDefined(media.Type) ? null : Invalid("media.type", "media_type", $"media.type {(int)media.Type} is not a WhatsApp media type."),
            () => CheckMediaRef(media.Media, field, limits),
            () => media.Caption is { Length: > 0 } && media.Type is MediaType.Audio or MediaType.Sticker
                ? Invalid($"{field}.caption", "no_caption", $"{field}.caption is not allowed: {field} messages have no caption.")
                : MaxLength(media.Caption, limits.MaxCaptionLength, $"{field}.caption"),
            () => media.Filename is { Length: > 0 } && media.Type != MediaType.Document
                ? Invalid($"{field}.filename", "document_only", $"{field}.filename is not allowed: only documents have a filename.")
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
            () => Unique(buttons.Select((b, i) => (b.Id, $"interactive.buttons[{i}].id"))),
            () => Unique(buttons.Select((b, i) => (b.Title, $"interactive.buttons[{i}].title"))));
    }

    private static Refusal? CheckList(InteractiveListMessage message, ContentLimits limits)
    {
        var sections = message.Sections.IsDefault ? [] : message.Sections;
        var rowCount = sections.Sum(s => s.Rows.IsDefault ? 0 : s.Rows.Length);
        return First(
            () => RequiredMaxLength(message.Body, limits.MaxInteractiveBodyLength, "interactive.body"),
            () => MaxLength(message.HeaderText, limits.MaxInteractiveHeaderLength, "interactive.header"),
            () => MaxLength(message.Footer, limits.MaxInteractiveFooterLength, "interactive.footer"),
            () => RequiredMaxLength(message.ButtonText, limits.MaxListButtonTextLength, "interactive.button"),
            () => sections.Length == 0 ? Refusal.MissingField("interactive.sections") : null,
            () => MaxItems(sections.Length, limits.MaxListSections, "interactive.sections"),
            () => MaxItems(rowCount, limits.MaxListRows, "interactive.sections[].rows"),
            () => EachOf(sections, (section, i) => First(
                // Meta requires a title on every section once there is more than one.
                () => sections.Length > 1 ? Required(section.Title, $"interactive.sections[{i}].title") : null,
                () => MaxLength(section.Title, limits.MaxListSectionTitleLength, $"interactive.sections[{i}].title"),
                () => section.Rows.IsDefaultOrEmpty ? Refusal.MissingField($"interactive.sections[{i}].rows") : null,
                () => EachOf(section.Rows, (row, j) => First(
                    () => RequiredMaxLength(row.Id, limits.MaxListRowIdLength, $"interactive.sections[{i}].rows[{j}].id"),
                    () => RequiredMaxLength(row.Title, limits.MaxListRowTitleLength, $"interactive.sections[{i}].rows[{j}].title"),
                    () => MaxLength(row.Description, limits.MaxListRowDescriptionLength, $"interactive.sections[{i}].rows[{j}].description"))))),
            () => Unique(sections.SelectMany((section, i) => section.Rows.Select((row, j) => (row.Id, $"interactive.sections[{i}].rows[{j}].id")))));
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
                () => RequiredMaxLength(contact.FormattedName, limits.MaxContactNameLength, $"contacts[{i}].name.formatted_name"),
                () => AnyValue(contact.Phones) || AnyValue(contact.Emails)
                    ? null
                    : Refusal.MissingField($"contacts[{i}].phones|emails"))));
    }

    private static Refusal? EachOf<T>(IEnumerable<T> items, Func<T, int, Refusal?> check) =>
        items.Select(check).FirstOrDefault(r => r is not null);

    private static bool AnyValue(ImmutableArray<string> values) =>
        !values.IsDefault && values.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Refuses the first value seen before, naming the repeat's own path so the caller knows which one to change.</summary>
    private static Refusal? Unique(IEnumerable<(string Value, string Field)> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, field) in values)
        {
            if (!seen.Add(value))
            {
                return Invalid(field, "unique", $"{field} must be unique; '{value}' appears twice.");
            }
        }

        return null;
    }
}
