using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta.Tests;

/// <summary>What the real client puts on the wire for each content type, as the simulator received it.</summary>
public sealed class CloudApiPayloadTests
{
    private const string Envelope = """ "messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234", """;

    [Fact]
    public async Task Text_is_sent_as_Metas_text_object_with_preview_url()
    {
        var json = await SentJson(new TextMessage("See https://example.com/track", PreviewUrl: true));

        JsonAssert.Equal(Msg(""" "type":"text","text":{"preview_url":true,"body":"See https://example.com/track"}} """), json);
    }

    [Fact]
    public async Task Image_by_uploaded_id_carries_its_caption()
    {
        var json = await SentJson(new MediaMessage(MediaType.Image, new MediaRef("1013859600285441", null), "Your receipt", null));

        JsonAssert.Equal(Msg(""" "type":"image","image":{"id":"1013859600285441","caption":"Your receipt"}} """), json);
    }

    [Fact]
    public async Task Document_by_link_carries_caption_and_filename()
    {
        var json = await SentJson(new MediaMessage(MediaType.Document, new MediaRef(null, "https://example.com/invoice-42.pdf"), "Invoice 42", "invoice-42.pdf"));

        JsonAssert.Equal(
            Msg(""" "type":"document","document":{"link":"https://example.com/invoice-42.pdf","caption":"Invoice 42","filename":"invoice-42.pdf"}} """),
            json);
    }

    [Theory]
    [InlineData(MediaType.Audio, "audio")]
    [InlineData(MediaType.Sticker, "sticker")]
    [InlineData(MediaType.Video, "video")]
    public async Task Media_types_use_their_own_object_and_only_video_keeps_a_caption(MediaType type, string name)
    {
        var json = await SentJson(new MediaMessage(type, new MediaRef(null, "https://example.com/m"), "caption", "name.bin"));

        var caption = type == MediaType.Video ? ",\"caption\":\"caption\"" : "";
        JsonAssert.Equal(Msg(""" "type":"NAME","NAME":{"link":"https://example.com/m"CAPTION}} """).Replace("NAME", name).Replace("CAPTION", caption), json);
    }

    [Fact]
    public async Task Reply_buttons_are_an_interactive_button_message()
    {
        var json = await SentJson(new InteractiveButtonsMessage(
            "Was this helpful?",
            "Support",
            "Reply to rate",
            [new ReplyButton("yes", "Yes"), new ReplyButton("no", "No")]));

        JsonAssert.Equal(
            Msg("""
            "type":"interactive","interactive":{"type":"button",
              "header":{"type":"text","text":"Support"},
              "body":{"text":"Was this helpful?"},
              "footer":{"text":"Reply to rate"},
              "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}}}
            """),
            json);
    }

    [Fact]
    public async Task A_list_is_an_interactive_list_message_with_sections_and_rows()
    {
        var json = await SentJson(new InteractiveListMessage(
            "Pick a delivery slot",
            null,
            null,
            "Slots",
            [new ListSection("Tomorrow", [new ListRow("am", "Morning", "8-12"), new ListRow("pm", "Afternoon", null)])]));

        JsonAssert.Equal(
            Msg("""
            "type":"interactive","interactive":{"type":"list",
              "body":{"text":"Pick a delivery slot"},
              "action":{"button":"Slots","sections":[{"title":"Tomorrow","rows":[
                {"id":"am","title":"Morning","description":"8-12"},{"id":"pm","title":"Afternoon"}]}]}}}
            """),
            json);
    }

    [Fact]
    public async Task Location_has_numeric_coordinates_name_and_address()
    {
        var json = await SentJson(new LocationMessage(37.4847, -122.1477, "Head office", "1 Hacker Way, Menlo Park"));

        JsonAssert.Equal(
            Msg(""" "type":"location","location":{"latitude":37.4847,"longitude":-122.1477,"name":"Head office","address":"1 Hacker Way, Menlo Park"}} """),
            json);
    }

    [Fact]
    public async Task Contacts_carry_formatted_name_phones_and_emails()
    {
        var json = await SentJson(new ContactsMessage([new ContactCard("Ana Lima", ["+5511987654321"], ["ana@example.com"])]));

        JsonAssert.Equal(
            Msg("""
            "type":"contacts","contacts":[{"name":{"formatted_name":"Ana Lima","first_name":"Ana Lima"},
              "phones":[{"phone":"+5511987654321"}],"emails":[{"email":"ana@example.com"}]}]}
            """),
            json);
    }

    [Theory]
    [InlineData("👍")]
    [InlineData("")]
    public async Task A_reaction_names_the_message_and_an_empty_emoji_removes_it(string emoji)
    {
        var json = await SentJson(new ReactionMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", emoji));

        JsonAssert.Equal(
            Msg(""" "type":"reaction","reaction":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","emoji":"EMOJI"}} """).Replace("EMOJI", emoji),
            json);
    }

    [Fact]
    public async Task Template_with_positional_parameters_has_header_body_and_url_button_components()
    {
        var template = new TemplateMessage("order_update", "en_US", ["12345", "Friday"], ImmutableSortedDictionary<string, string>.Empty)
        {
            HeaderText = "Ana",
            ButtonParameters = [new ButtonParameter(0, "orders/12345")],
        };

        var json = await SentJson(template, customerWrote: false);

        JsonAssert.Equal(
            Msg("""
            "type":"template","template":{"name":"order_update","language":{"code":"en_US"},"components":[
              {"type":"header","parameters":[{"type":"text","text":"Ana"}]},
              {"type":"body","parameters":[{"type":"text","text":"12345"},{"type":"text","text":"Friday"}]},
              {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"orders/12345"}]}]}}
            """),
            json);
    }

    [Fact]
    public async Task Template_with_named_parameters_names_each_body_parameter()
    {
        var named = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["first_name"] = "Ana", ["order_id"] = "12345" });
        var template = new TemplateMessage("order_named", "pt_BR", [], named);

        var json = await SentJson(template, customerWrote: false);

        JsonAssert.Equal(
            Msg("""
            "type":"template","template":{"name":"order_named","language":{"code":"pt_BR"},"components":[
              {"type":"body","parameters":[
                {"type":"text","parameter_name":"first_name","text":"Ana"},
                {"type":"text","parameter_name":"order_id","text":"12345"}]}]}}
            """),
            json);
    }

    [Fact]
    public async Task Template_media_header_and_one_time_passcode_button_use_Metas_shapes()
    {
        var template = new TemplateMessage("launch_clip", "en", ["482913"], ImmutableSortedDictionary<string, string>.Empty)
        {
            HeaderMedia = new MediaRef(null, "https://cdn.example.com/clips/launch.mp4"),
            ButtonParameters = [new ButtonParameter(0, "482913")],
        };

        var json = await SentJson(template, customerWrote: false);

        JsonAssert.Equal(
            Msg("""
            "type":"template","template":{"name":"launch_clip","language":{"code":"en"},"components":[
              {"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/clips/launch.mp4"}}]},
              {"type":"body","parameters":[{"type":"text","text":"482913"}]},
              {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"482913"}]}]}}
            """),
            json);
    }

    [Fact]
    public async Task Template_without_placeholders_is_sent_without_components()
    {
        var json = await SentJson(new TemplateMessage("hello_world", "en_US", [], ImmutableSortedDictionary<string, string>.Empty), customerWrote: false);

        JsonAssert.Equal(Msg(""" "type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}} """), json);
    }

    [Theory]
    [InlineData(null, "https://cdn.example.com/a/photo.jpg", "image")]
    [InlineData(null, "https://cdn.example.com/a/clip.MP4?sig=1", "video")]
    [InlineData(null, "https://cdn.example.com/a/terms.pdf", "document")]
    [InlineData("1013859600285441", null, "image")]
    public void Header_media_type_follows_the_links_extension_and_defaults_to_image(string? id, string? link, string expected)
    {
        Assert.Equal(expected, TemplatePayload.HeaderMediaType(new MediaRef(id, link)));
    }

    [Theory]
    [MemberData(nameof(PayloadCases.Names), MemberType = typeof(PayloadCases))]
    public void Every_content_shape_keeps_the_exact_bytes_it_was_sent_as_before_source_generation(string name)
    {
        var body = MessagePayload.Serialize(PayloadCases.All[name]);

        Assert.Equal(PayloadFixtures.Bodies[name], Encoding.UTF8.GetString(body));
        Assert.Equal(Encoding.UTF8.GetBytes(PayloadFixtures.Bodies[name]), body);
    }

    [Fact]
    public void Every_payload_case_has_its_golden_body_and_every_golden_body_its_case()
    {
        Assert.Equal(PayloadCases.All.Keys.Order(), PayloadFixtures.Bodies.Keys.Order());
        var covered = PayloadCases.All.Values.Select(m => m.Content.GetType()).ToHashSet();
        Assert.Equal(
            typeof(MessageContent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(MessageContent)) && !t.IsAbstract).ToHashSet(),
            covered);
    }

    [Fact]
    public async Task Content_without_a_Cloud_API_type_is_refused_as_permanent_and_never_sent()
    {
        await using var loop = await MetaLoop.Start();
        await loop.CustomerWrites();

        var result = await loop.Send(new MediaMessage((MediaType)99, new MediaRef("1", null), null, null));

        Assert.Equal(MetaErrorClass.Permanent, result.ErrorClass);
        Assert.Equal("This content has no Cloud API message type.", result.Error!.Title);
        Assert.Equal(0, loop.RequestsTo());
    }

    [Fact]
    public async Task The_request_goes_to_the_version_and_number_with_the_bearer_token()
    {
        await using var loop = await MetaLoop.Start();
        await loop.CustomerWrites();

        await loop.Send(new TextMessage("Hi"));

        var received = Assert.Single(loop.Simulator.Received);
        Assert.Equal("v25.0", received.ApiVersion);
        Assert.Equal(MetaLoop.BusinessNumber, received.PhoneNumberId);
        Assert.Equal(MetaLoop.AccessToken, received.BearerToken);
    }

    private static string Msg(string rest) => "{" + Envelope + rest;

    private static async Task<JsonNode?> SentJson(MessageContent content, bool customerWrote = true)
    {
        await using var loop = await MetaLoop.Start();
        if (customerWrote)
        {
            await loop.CustomerWrites();
        }

        var result = await loop.Send(content);

        Assert.True(result.Accepted, $"the simulator should accept it: {result.Error}");
        return Assert.Single(loop.Simulator.Received).Body;
    }
}
