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

    [Fact]
    public async Task Media_link_over_http_is_refused_as_INVALID_FIELD_https_url()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Image, number, customer);
        request.Media = Media(V1.MediaType.Image, link: "http://cdn.example.com/parcel.jpg");

        // Act
        var info = await RefusedAsInvalid("INVALID_FIELD", request);

        // Assert
        AssertField(info, "image.link", ("rule", "https_url"));
    }

    [Fact]
    public async Task Media_link_over_https_is_accepted()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Image, number, customer);
        request.Media = Media(V1.MediaType.Image, link: "https://cdn.example.com/parcel.jpg");

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
    }

    [Fact]
    public async Task Audio_with_a_caption_is_refused_as_INVALID_FIELD_no_caption()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Audio, number, customer);
        request.Media.Caption = "Listen";

        // Act
        var info = await RefusedAsInvalid("INVALID_FIELD", request);

        // Assert
        AssertField(info, "audio.caption", ("rule", "no_caption"));
    }

    [Fact]
    public async Task Four_reply_buttons_are_refused_as_TOO_MANY_ITEMS_with_limit_3()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Buttons, number, customer);
        request.Buttons = ReplyButtons(4);

        // Act
        var info = await RefusedAsInvalid("TOO_MANY_ITEMS", request);

        // Assert
        AssertField(info, "interactive.buttons", ("limit", "3"), ("count", "4"));
    }

    [Fact]
    public async Task Three_reply_buttons_with_20_character_titles_are_accepted()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Buttons, number, customer);
        request.Buttons = ReplyButtons(3, titleLength: 20);

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        var sent = Assert.IsType<Abstractions.Messages.InteractiveButtonsMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
        Assert.All(sent.Buttons, b => Assert.Equal(20, b.Title.Length));
    }

    [Fact]
    public async Task Reply_button_title_of_21_characters_is_refused_as_FIELD_TOO_LONG()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Buttons, number, customer);
        request.Buttons = ReplyButtons(1, titleLength: 21);

        // Act
        var info = await RefusedAsInvalid("FIELD_TOO_LONG", request);

        // Assert
        AssertField(info, "interactive.buttons[0].title", ("limit", "20"), ("length", "21"));
    }

    [Fact]
    public async Task Reply_buttons_with_the_same_id_are_refused_as_INVALID_FIELD_unique()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Buttons, number, customer);
        request.Buttons.Buttons[1].Id = request.Buttons.Buttons[0].Id;

        // Act
        var info = await RefusedAsInvalid("INVALID_FIELD", request);

        // Assert
        AssertField(info, "interactive.buttons[1].id", ("rule", "unique"));
    }

    [Fact]
    public async Task List_row_title_of_25_characters_is_refused_as_FIELD_TOO_LONG()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(List, number, customer);
        request.List = ListOf(1, titleLength: 25);

        // Act
        var info = await RefusedAsInvalid("FIELD_TOO_LONG", request);

        // Assert
        AssertField(info, "interactive.sections[0].rows[0].title", ("limit", "24"), ("length", "25"));
    }

    [Fact]
    public async Task List_of_10_rows_with_24_character_titles_is_accepted()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(List, number, customer);
        request.List = ListOf(10, titleLength: 24);

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        var sent = Assert.IsType<Abstractions.Messages.InteractiveListMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
        Assert.Equal(10, sent.Sections.Sum(s => s.Rows.Length));
    }

    [Fact]
    public async Task List_of_11_rows_is_refused_as_TOO_MANY_ITEMS_with_limit_10()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(List, number, customer);
        request.List = ListOf(11);

        // Act
        var info = await RefusedAsInvalid("TOO_MANY_ITEMS", request);

        // Assert
        AssertField(info, "interactive.sections[].rows", ("limit", "10"), ("count", "11"));
    }

    [Fact]
    public async Task List_button_text_of_21_characters_is_refused_as_FIELD_TOO_LONG()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(List, number, customer);
        request.List.Button = new string('b', 21);

        // Act
        var info = await RefusedAsInvalid("FIELD_TOO_LONG", request);

        // Assert
        AssertField(info, "interactive.button", ("limit", "20"), ("length", "21"));
    }

    [Fact]
    public async Task Latitude_91_is_refused_as_INVALID_FIELD()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Location, number, customer);
        request.Location.Latitude = 91;

        // Act
        var info = await RefusedAsInvalid("INVALID_FIELD", request);

        // Assert
        AssertField(info, "location.latitude", ("rule", "range"));
    }

    [Fact]
    public async Task Location_at_latitude_90_and_longitude_minus_180_is_accepted()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Location, number, customer);
        request.Location.Latitude = 90;
        request.Location.Longitude = -180;

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
    }

    [Fact]
    public async Task Contact_without_a_phone_or_an_email_is_refused_as_MISSING_FIELD()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Contacts, number, customer);
        request.Contacts.Contacts[0].Phones.Clear();
        request.Contacts.Contacts[0].Emails.Clear();

        // Act
        var info = await RefusedAsInvalid("MISSING_FIELD", request);

        // Assert
        AssertField(info, "contacts[0].phones|emails");
    }

    [Fact]
    public async Task Reaction_without_a_message_id_is_refused_as_MISSING_FIELD()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Reaction, number, customer);
        request.Reaction.MessageId = "";

        // Act
        var info = await RefusedAsInvalid("MISSING_FIELD", request);

        // Assert
        AssertField(info, "reaction.message_id");
    }

    [Fact]
    public async Task Reaction_with_an_empty_emoji_removes_the_reaction_and_is_accepted()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Reaction, number, customer);
        request.Reaction.Emoji = "";

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
    }

    [Fact]
    public async Task Media_with_both_an_id_and_a_link_is_refused_as_INVALID_FIELD_id_or_link()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = Request(Video, number, customer);
        request.Media.Media.Link = "https://cdn.example.com/howto.mp4";

        // Act
        var info = await RefusedAsInvalid("INVALID_FIELD", request);

        // Assert
        AssertField(info, "video.id|link", ("rule", "id_or_link"));
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
