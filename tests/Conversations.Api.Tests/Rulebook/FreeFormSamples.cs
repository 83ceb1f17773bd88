using Conversations.Abstractions.Messages;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>One valid message of every free-form type, named as the tests' theories name them, and how each reaches Meta.</summary>
public static class FreeFormSamples
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Document = "document";
    public const string Sticker = "sticker";
    public const string Buttons = "buttons";
    public const string List = "list";
    public const string Location = "location";
    public const string Contacts = "contacts";
    public const string Reaction = "reaction";

    public static V1.SendRequest Request(string type, V1.BusinessNumber number, string customer)
    {
        var request = new V1.SendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
            IdempotencyKey = Scenario.NewKey(),
        };
        switch (type)
        {
            case Text:
                request.Text = new V1.TextContent { Body = "Your parcel is on its way" };
                break;
            case Image:
                request.Media = Media(V1.MediaType.Image, caption: "Your parcel");
                break;
            case Audio:
                request.Media = Media(V1.MediaType.Audio);
                break;
            case Video:
                request.Media = Media(V1.MediaType.Video, caption: "How to open the box");
                break;
            case Document:
                request.Media = Media(V1.MediaType.Document, caption: "Invoice", filename: "invoice.pdf");
                break;
            case Sticker:
                request.Media = Media(V1.MediaType.Sticker);
                break;
            case Buttons:
                request.Buttons = ReplyButtons(3);
                break;
            case List:
                request.List = ListOf(10);
                break;
            case Location:
                request.Location = new V1.LocationContent { Latitude = 52.3676, Longitude = 4.9041, Name = "Pick-up point", Address = "Dam 1, Amsterdam" };
                break;
            case Contacts:
                request.Contacts = new V1.ContactsContent
                {
                    Contacts = { new V1.ContactCard { FormattedName = "Support desk", Phones = { "+16505550100" }, Emails = { "support@example.com" } } },
                };
                break;
            case Reaction:
                request.Reaction = new V1.ReactionContent { MessageId = "wamid.customer.1", Emoji = "\U0001F44D" };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "No sample for this type.");
        }

        return request;
    }

    /// <summary>Whether <paramref name="content"/>, as handed to Meta, is the type the test asked for.</summary>
    public static bool IsSentAs(string type, MessageContent content) => (type, content) switch
    {
        (Text, TextMessage) => true,
        (Image, MediaMessage { Type: MediaType.Image }) => true,
        (Audio, MediaMessage { Type: MediaType.Audio }) => true,
        (Video, MediaMessage { Type: MediaType.Video }) => true,
        (Document, MediaMessage { Type: MediaType.Document }) => true,
        (Sticker, MediaMessage { Type: MediaType.Sticker }) => true,
        (Buttons, InteractiveButtonsMessage) => true,
        (List, InteractiveListMessage) => true,
        (Location, LocationMessage) => true,
        (Contacts, ContactsMessage) => true,
        (Reaction, ReactionMessage) => true,
        _ => false,
    };

    /// <summary>The requested_type the message log records: Meta's type name.</summary>
    public static string RequestedType(string type) => type is Buttons or List ? "interactive" : type;

    public static V1.MediaContent Media(V1.MediaType type, string? link = null, string? caption = null, string? filename = null) => new()
    {
        Type = type,
        Media = link is null ? new V1.Media { Id = "1234567890" } : new V1.Media { Link = link },
        Caption = caption ?? "",
        Filename = filename ?? "",
    };

    public static V1.InteractiveButtonsContent ReplyButtons(int count, int titleLength = 8)
    {
        var content = new V1.InteractiveButtonsContent { Body = "When should we deliver?" };
        for (var i = 0; i < count; i++)
        {
            content.Buttons.Add(new V1.ReplyButton { Id = $"slot-{i}", Title = Title(i, titleLength) });
        }

        return content;
    }

    public static V1.InteractiveListContent ListOf(int rows, int titleLength = 8)
    {
        var section = new V1.ListSection { Title = "Slots" };
        for (var i = 0; i < rows; i++)
        {
            section.Rows.Add(new V1.ListRow { Id = $"row-{i}", Title = Title(i, titleLength), Description = "Morning delivery" });
        }

        return new V1.InteractiveListContent { Body = "Pick a delivery slot", Button = "Choose a slot", Sections = { section } };
    }

    /// <summary>A distinct title of exactly <paramref name="length"/> characters (titles must be unique).</summary>
    private static string Title(int index, int length)
    {
        var prefix = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return prefix + new string('t', length - prefix.Length);
    }
}
