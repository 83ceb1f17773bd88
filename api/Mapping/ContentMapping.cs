using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using V1 = Conversations.V1;
using static Conversations.Api.Mapping.ProtoStrings;

namespace Conversations.Api.Mapping;

/// <summary>Proto content to domain content. Shape rules are the grain's; this only translates, keeping absent values absent.</summary>
public static class ContentMapping
{
    public static MessageContent? ToDomain(this V1.SendRequest request) => request.ContentCase switch
    {
        V1.SendRequest.ContentOneofCase.Text => new TextMessage(request.Text.Body, request.Text.PreviewUrl),
        V1.SendRequest.ContentOneofCase.Template => request.Template.ToDomain(),
        V1.SendRequest.ContentOneofCase.Media => new MediaMessage(
            (MediaType)request.Media.Type,
            request.Media.Media.ToDomain() ?? new MediaRef(null, null),
            Optional(request.Media.Caption),
            Optional(request.Media.Filename)),
        V1.SendRequest.ContentOneofCase.Buttons => new InteractiveButtonsMessage(
            request.Buttons.Body,
            Optional(request.Buttons.HeaderText),
            Optional(request.Buttons.Footer),
            [.. request.Buttons.Buttons.Select(b => new ReplyButton(b.Id, b.Title))]),
        V1.SendRequest.ContentOneofCase.List => new InteractiveListMessage(
            request.List.Body,
            Optional(request.List.HeaderText),
            Optional(request.List.Footer),
            request.List.Button,
            [.. request.List.Sections.Select(s => new ListSection(
                Optional(s.Title),
                [.. s.Rows.Select(r => new ListRow(r.Id, r.Title, Optional(r.Description)))]))]),
        V1.SendRequest.ContentOneofCase.Location => new LocationMessage(
            request.Location.Latitude,
            request.Location.Longitude,
            Optional(request.Location.Name),
            Optional(request.Location.Address)),
        V1.SendRequest.ContentOneofCase.Contacts => new ContactsMessage(
            [.. request.Contacts.Contacts.Select(c => new ContactCard(c.FormattedName, [.. c.Phones], [.. c.Emails]))]),
        V1.SendRequest.ContentOneofCase.Reaction => new ReactionMessage(request.Reaction.MessageId, request.Reaction.Emoji),
        _ => null,
    };

    public static TemplateMessage ToDomain(this V1.TemplateContent template) =>
        new(
            template.Name,
            template.Language,
            [.. template.Parameters],
            template.NamedParameters.ToImmutableSortedDictionary(StringComparer.Ordinal))
        {
            HeaderText = Optional(template.HeaderText),
            HeaderMedia = template.HeaderMedia.ToDomain(),
            ButtonParameters = [.. template.ButtonParameters.Select(b => new ButtonParameter(b.Index, b.Value))],
        };

    private static MediaRef? ToDomain(this V1.Media? media) =>
        media is null ? null : new MediaRef(Optional(media.Id), Optional(media.Link));
}
