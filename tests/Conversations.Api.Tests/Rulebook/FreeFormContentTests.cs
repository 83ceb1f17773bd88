using Google.Rpc;
using Grpc.Core;
using V1 = Conversations.V1;
using static Conversations.Api.Tests.Rulebook.FreeFormSamples;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>
/// Every free-form type goes inside the window and is refused outside it; each has its shape limits, checked before any
/// window decision, with a reason naming the field. Exactly at a limit passes, one over fails.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FreeFormContentTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    [Theory]
    [InlineData(Text)]
    [InlineData(Image)]
    [InlineData(Audio)]
    [InlineData(Video)]
    [InlineData(Document)]
    [InlineData(Sticker)]
    [InlineData(Buttons)]
    [InlineData(List)]
    [InlineData(Location)]
    [InlineData(Contacts)]
    [InlineData(Reaction)]
    public async Task Free_form_type_inside_the_window_is_accepted_and_handed_to_Meta_as_that_type(string type)
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();

        // Act
        var receipt = (await api.Conversations.SendAsync(Request(type, number, customer))).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
        Assert.False(receipt.UsedFallback);
        Assert.Equal(V1.TemplateCategory.Unspecified, receipt.TemplateCategory);
        var sent = Assert.Single(_steps.SentTo(number, customer));
        Assert.Equal(receipt.MessageId, sent.MessageId);
        Assert.True(IsSentAs(type, sent.Content), $"{type} was handed to Meta as {sent.Content.GetType().Name}.");
        var record = Assert.Single(await _steps.Messages(number, customer));
        Assert.Equal(RequestedType(type), record.RequestedType);
        Assert.Equal(V1.MessageKind.FreeForm, record.Kind);
    }

    [Theory]
    [InlineData(Text)]
    [InlineData(Image)]
    [InlineData(Audio)]
    [InlineData(Video)]
    [InlineData(Document)]
    [InlineData(Sticker)]
    [InlineData(Buttons)]
    [InlineData(List)]
    [InlineData(Location)]
    [InlineData(Contacts)]
    [InlineData(Reaction)]
    public async Task Free_form_type_outside_the_window_is_refused_with_131047(string type)
    {
        // Arrange
        var (number, customer) = await _steps.ClosedConversation();

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Request(type, number, customer)).ResponseAsync);

        // Assert
        Assert.Equal("131047", info.Metadata["whatsapp_code"]);
        Assert.True(info.Metadata.ContainsKey("window_closed_at"));
        Assert.Empty(_steps.SentTo(number, customer));
        Assert.Empty(await _steps.Messages(number, customer));
    }

    [Fact]
    public async Task Text_of_4096_characters_is_accepted_and_4097_is_refused_as_TEXT_TOO_LONG()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();

        // Act
        var atLimit = (await api.Conversations.SendAsync(RulebookSteps.Text(number, customer, new string('a', 4096)))).Receipt;
        var info = await RefusedAsInvalid("TEXT_TOO_LONG", RulebookSteps.Text(number, customer, new string('a', 4097)));

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, atLimit.Status);
        AssertField(info, "text.body", ("limit", "4096"), ("length", "4097"));
    }

    /// <summary>A request of each shape rule's type, changed to sit exactly at a limit or one past it.</summary>
    private static readonly Dictionary<string, (string Type, Action<V1.SendRequest> Change)> Shapes = new()
    {
        ["media link over http"] = (Image, r => r.Media = Media(V1.MediaType.Image, link: "http://cdn.example.com/parcel.jpg")),
        ["media link over https"] = (Image, r => r.Media = Media(V1.MediaType.Image, link: "https://cdn.example.com/parcel.jpg")),
        ["audio with a caption"] = (Audio, r => r.Media.Caption = "Listen"),
        ["media with both an id and a link"] = (Video, r => r.Media.Media.Link = "https://cdn.example.com/howto.mp4"),
        ["four reply buttons"] = (Buttons, r => r.Buttons = ReplyButtons(4)),
        ["three reply buttons with 20 character titles"] = (Buttons, r => r.Buttons = ReplyButtons(3, titleLength: 20)),
        ["reply button title of 21 characters"] = (Buttons, r => r.Buttons = ReplyButtons(1, titleLength: 21)),
        ["reply buttons with the same id"] = (Buttons, r => r.Buttons.Buttons[1].Id = r.Buttons.Buttons[0].Id),
        ["list row title of 25 characters"] = (List, r => r.List = ListOf(1, titleLength: 25)),
        ["list of 10 rows with 24 character titles"] = (List, r => r.List = ListOf(10, titleLength: 24)),
        ["list of 11 rows"] = (List, r => r.List = ListOf(11)),
        ["list button text of 21 characters"] = (List, r => r.List.Button = new string('b', 21)),
        ["latitude 91"] = (Location, r => r.Location.Latitude = 91),
        ["latitude 90 and longitude -180"] = (Location, r => (r.Location.Latitude, r.Location.Longitude) = (90, -180)),
        ["contact without a phone or an email"] = (Contacts, r =>
        {
            r.Contacts.Contacts[0].Phones.Clear();
            r.Contacts.Contacts[0].Emails.Clear();
        }),
        ["reaction without a message id"] = (Reaction, r => r.Reaction.MessageId = ""),
        ["reaction with an empty emoji, which removes the reaction"] = (Reaction, r => r.Reaction.Emoji = ""),
    };

    /// <param name="metadata">The refusal's metadata as alternating keys and values.</param>
    [Theory]
    [InlineData("media link over http", "INVALID_FIELD", "image.link", "rule", "https_url")]
    [InlineData("audio with a caption", "INVALID_FIELD", "audio.caption", "rule", "no_caption")]
    [InlineData("media with both an id and a link", "INVALID_FIELD", "video.id|link", "rule", "id_or_link")]
    [InlineData("four reply buttons", "TOO_MANY_ITEMS", "interactive.buttons", "limit", "3", "count", "4")]
    [InlineData("reply button title of 21 characters", "FIELD_TOO_LONG", "interactive.buttons[0].title", "limit", "20", "length", "21")]
    [InlineData("reply buttons with the same id", "INVALID_FIELD", "interactive.buttons[1].id", "rule", "unique")]
    [InlineData("list row title of 25 characters", "FIELD_TOO_LONG", "interactive.sections[0].rows[0].title", "limit", "24", "length", "25")]
    [InlineData("list of 11 rows", "TOO_MANY_ITEMS", "interactive.sections[].rows", "limit", "10", "count", "11")]
    [InlineData("list button text of 21 characters", "FIELD_TOO_LONG", "interactive.button", "limit", "20", "length", "21")]
    [InlineData("latitude 91", "INVALID_FIELD", "location.latitude", "rule", "range")]
    [InlineData("contact without a phone or an email", "MISSING_FIELD", "contacts[0].phones|emails")]
    [InlineData("reaction without a message id", "MISSING_FIELD", "reaction.message_id")]
    public async Task Shape_past_its_limit_is_refused_as_INVALID_ARGUMENT_naming_the_field(string shape, string reason, string field, params string[] metadata)
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = ShapedRequest(shape, number, customer);

        // Act
        var info = await RefusedAsInvalid(reason, request);

        // Assert
        AssertField(info, field, [.. metadata.Chunk(2).Select(pair => (pair[0], pair[1]))]);
    }

    [Theory]
    [InlineData("media link over https")]
    [InlineData("three reply buttons with 20 character titles")]
    [InlineData("list of 10 rows with 24 character titles")]
    [InlineData("latitude 90 and longitude -180")]
    [InlineData("reaction with an empty emoji, which removes the reaction")]
    public async Task Shape_at_its_limit_is_accepted_and_handed_to_Meta_as_sent(string shape)
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = ShapedRequest(shape, number, customer);

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        var sent = Assert.Single(_steps.SentTo(number, customer)).Content;
        Assert.True(IsSentAs(Shapes[shape].Type, sent), $"{shape} was handed to Meta as {sent.GetType().Name}.");
        switch (sent)
        {
            case Abstractions.Messages.InteractiveButtonsMessage buttons:
                Assert.Equal(3, buttons.Buttons.Length);
                Assert.All(buttons.Buttons, b => Assert.Equal(20, b.Title.Length));
                break;
            case Abstractions.Messages.InteractiveListMessage list:
                Assert.Equal(10, list.Sections.Sum(s => s.Rows.Length));
                Assert.All(list.Sections.SelectMany(s => s.Rows), r => Assert.Equal(24, r.Title.Length));
                break;
        }
    }

    private static V1.SendRequest ShapedRequest(string shape, V1.BusinessNumber number, string customer)
    {
        var (type, change) = Shapes[shape];
        var request = Request(type, number, customer);
        change(request);
        return request;
    }

    /// <summary>Refused as INVALID_ARGUMENT with <paramref name="reason"/>, and nothing stored or sent.</summary>
    private async Task<ErrorInfo> RefusedAsInvalid(string reason, V1.SendRequest request)
    {
        var number = new V1.BusinessNumber { BusinessNumberId = request.BusinessNumberId };
        var sentBefore = _steps.SentTo(number, request.Customer).Count;
        var info = await Refused.With(StatusCode.InvalidArgument, reason, () => api.Conversations.SendAsync(request).ResponseAsync);
        Assert.DoesNotContain(await _steps.Messages(number, request.Customer), m => m.IdempotencyKey == request.IdempotencyKey);
        Assert.Equal(sentBefore, _steps.SentTo(number, request.Customer).Count);
        return info;
    }

    private static void AssertField(ErrorInfo info, string field, params (string Key, string Value)[] metadata)
    {
        Assert.Equal(field, info.Metadata["field"]);
        foreach (var (key, value) in metadata)
        {
            Assert.Equal(value, info.Metadata[key]);
        }
    }
}
