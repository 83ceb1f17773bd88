using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;

namespace Conversations.Meta.Tests;

/// <summary>
/// Every content type in each of its shapes (optional parts present, absent and empty; escaping; odd values that are
/// still sent), keyed by a name the golden bodies in <see cref="PayloadFixtures"/> use.
/// </summary>
public static class PayloadCases
{
    private static readonly ImmutableSortedDictionary<string, string> NoNames = ImmutableSortedDictionary<string, string>.Empty;

    public static IReadOnlyDictionary<string, OutboundMessage> All { get; } = new Dictionary<string, MessageContent>
    {
        ["text"] = new TextMessage("Hello"),
        ["text-preview-url"] = new TextMessage("See https://example.com/track?a=1&b=2", PreviewUrl: true),
        ["text-escaping"] = new TextMessage("Quote \" backslash \\ slash / tab \t newline \n <b>&amp;</b> 'single' ção 日本 👍 \u0001 \u2028 \u007f"),
        ["text-null-body"] = new TextMessage(null!),
        ["image-id-caption"] = new MediaMessage(MediaType.Image, new MediaRef("1013859600285441", null), "Your receipt", null),
        ["image-id-wins-over-link"] = new MediaMessage(MediaType.Image, new MediaRef("1013859600285441", "https://example.com/a.jpg"), null, null),
        ["image-link-empty-caption"] = new MediaMessage(MediaType.Image, new MediaRef("", "https://example.com/a.jpg"), "", ""),
        ["audio-drops-caption-and-filename"] = new MediaMessage(MediaType.Audio, new MediaRef(null, "https://example.com/a.ogg"), "caption", "a.ogg"),
        ["video-keeps-caption-only"] = new MediaMessage(MediaType.Video, new MediaRef(null, "https://example.com/m.mp4"), "Watch", "m.mp4"),
        ["document-link-caption-filename"] = new MediaMessage(MediaType.Document, new MediaRef(null, "https://example.com/invoice-42.pdf"), "Invoice 42", "invoice-42.pdf"),
        ["document-id-filename-only"] = new MediaMessage(MediaType.Document, new MediaRef("555", null), null, "terms.pdf"),
        ["sticker-id"] = new MediaMessage(MediaType.Sticker, new MediaRef("777", null), "caption", "s.webp"),
        ["media-without-id-or-link"] = new MediaMessage(MediaType.Image, new MediaRef(null, null), null, null),
        ["buttons-full"] = new InteractiveButtonsMessage(
            "Was this helpful?",
            "Support",
            "Reply to rate",
            [new ReplyButton("yes", "Yes"), new ReplyButton("no", "No"), new ReplyButton("later", "Ask me later")]),
        ["buttons-bare"] = new InteractiveButtonsMessage("Continue?", "", null, [new ReplyButton("ok", "OK")]),
        ["buttons-null-title"] = new InteractiveButtonsMessage("Continue?", null, "", [new ReplyButton("ok", null!)]),
        ["list-full"] = new InteractiveListMessage(
            "Pick a delivery slot",
            "Delivery",
            "Times are local",
            "Slots",
            [
                new ListSection("Tomorrow", [new ListRow("am", "Morning", "8-12"), new ListRow("pm", "Afternoon", null)]),
                new ListSection(null, [new ListRow("sat", "Saturday", "")]),
                new ListSection("", [new ListRow("sun", "Sunday", "Closed \"mostly\"")]),
            ]),
        ["list-bare"] = new InteractiveListMessage("Pick one", null, null, null!, [new ListSection(null, [new ListRow("a", "A", null)])]),
        ["location-full"] = new LocationMessage(37.4847, -122.1477, "Head office", "1 Hacker Way, Menlo Park"),
        ["location-bare"] = new LocationMessage(0, -0.0, null, ""),
        ["location-precision"] = new LocationMessage(51.50072919999999, 1E-07, "Big Ben", null),
        ["contacts-full"] = new ContactsMessage(
            [
                new ContactCard("Ana Lima", ["+5511987654321", "+5511912345678"], ["ana@example.com"]),
                new ContactCard("Bruno", default, []),
            ]),
        ["contacts-phones-only"] = new ContactsMessage([new ContactCard("Céline Dion-Émond", ["+33 1 23 45 67 89"], default)]),
        ["reaction"] = new ReactionMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", "👍"),
        ["reaction-removed"] = new ReactionMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", ""),
        ["template-no-components"] = new TemplateMessage("hello_world", "en_US", [], NoNames),
        ["template-default-collections"] = new TemplateMessage("hello_world", "en_US", default, null!) { ButtonParameters = default },
        ["template-positional"] = new TemplateMessage("order_update", "en_US", ["12345", "Friday"], NoNames)
        {
            HeaderText = "Ana",
            ButtonParameters = [new ButtonParameter(0, "orders/12345")],
        },
        ["template-named"] = new TemplateMessage(
            "order_named",
            "pt_BR",
            [],
            ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["order_id"] = "12345", ["first_name"] = "Ana" })),
        ["template-positional-and-named"] = new TemplateMessage(
            "mixed",
            "en",
            ["one", "<two> & \"three\""],
            ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["name"] = "Zoë" })),
        ["template-empty-header-text"] = new TemplateMessage("greeting", "en", [], NoNames) { HeaderText = "" },
        ["template-header-image-id"] = new TemplateMessage("promo", "en", [], NoNames) { HeaderMedia = new MediaRef("1013859600285441", null) },
        ["template-header-image-link"] = new TemplateMessage("promo", "en", [], NoNames) { HeaderMedia = new MediaRef(null, "https://cdn.example.com/a/photo.jpg") },
        ["template-header-video"] = new TemplateMessage("launch_clip", "en", ["482913"], NoNames)
        {
            HeaderMedia = new MediaRef(null, "https://cdn.example.com/clips/launch.mp4"),
            ButtonParameters = [new ButtonParameter(0, "482913")],
        },
        ["template-header-document"] = new TemplateMessage("statement", "en", [], NoNames) { HeaderMedia = new MediaRef(null, "https://cdn.example.com/a/terms.PDF?sig=1") },
        ["template-header-without-id-or-link"] = new TemplateMessage("promo", "en", [], NoNames) { HeaderMedia = new MediaRef(null, null) },
        ["template-buttons-in-index-order"] = new TemplateMessage("multi_button", "en", [], NoNames)
        {
            ButtonParameters = [new ButtonParameter(2, "c"), new ButtonParameter(0, "a"), new ButtonParameter(1, "b")],
        },
    }.ToDictionary(c => c.Key, c => new OutboundMessage("106540352242922", c.Key == "text" ? "+16505551234" : "16505551234", c.Value, "cnv.1"));

    public static TheoryData<string> Names => [.. All.Keys];
}
