using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class ReplyButtonsContentTests
{
    private static readonly ContentLimits Defaults = new();

    private static InteractiveButtonsMessage Buttons(params ReplyButton[] buttons) =>
        new("Pick one", null, null, [.. buttons]);

    private static ReplyButton[] Numbered(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ReplyButton($"id-{i}", $"Option {i}"))];

    [Fact]
    public void Reply_buttons_with_header_and_footer_are_accepted() =>
        Assert.Null(ContentRules.Check(new InteractiveButtonsMessage("Pick one", "Header", "Footer", [.. Numbered(3)]), Defaults));

    [Fact]
    public void Reply_buttons_of_3_are_accepted_and_4_refused_as_too_many_items()
    {
        Assert.Null(ContentRules.Check(Buttons(Numbered(3)), Defaults));

        Refused.TooMany(ContentRules.Check(Buttons(Numbered(4)), Defaults), "interactive.buttons", 3, 4);
    }

    [Fact]
    public void Reply_buttons_of_none_are_refused_as_missing()
    {
        Refused.Missing(ContentRules.Check(Buttons(), Defaults), "interactive.buttons");
        Refused.Missing(ContentRules.Check(new InteractiveButtonsMessage("Pick one", null, null, default), Defaults), "interactive.buttons");
    }

    [Fact]
    public void Reply_button_title_of_20_characters_is_accepted_and_21_refused()
    {
        Assert.Null(ContentRules.Check(Buttons(new("a", "A"), new("b", new string('t', 20))), Defaults));

        Refused.TooLong(ContentRules.Check(Buttons(new("a", "A"), new("b", new string('t', 21))), Defaults), "interactive.buttons[1].title", 20, 21);
    }

    [Fact]
    public void Reply_button_id_of_256_characters_is_accepted_and_257_refused()
    {
        Assert.Null(ContentRules.Check(Buttons(new("a", "A"), new("b", "B"), new(new string('i', 256), "C")), Defaults));

        Refused.TooLong(ContentRules.Check(Buttons(new("a", "A"), new("b", "B"), new(new string('i', 257), "C")), Defaults), "interactive.buttons[2].id", 256, 257);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reply_button_without_a_title_is_refused_as_missing(string title) =>
        Refused.Missing(ContentRules.Check(Buttons(new ReplyButton("a", title)), Defaults), "interactive.buttons[0].title");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reply_button_without_an_id_is_refused_as_missing(string id) =>
        Refused.Missing(ContentRules.Check(Buttons(new("a", "A"), new(id, "B")), Defaults), "interactive.buttons[1].id");

    [Fact]
    public void Reply_button_ids_must_be_unique_and_the_repeat_is_named() =>
        Refused.Invalid(ContentRules.Check(Buttons(new("a", "A"), new("b", "B"), new("a", "C")), Defaults), "interactive.buttons[2].id", "unique");

    [Fact]
    public void Reply_button_titles_must_be_unique_and_the_repeat_is_named() =>
        Refused.Invalid(ContentRules.Check(Buttons(new("a", "Yes"), new("b", "Yes")), Defaults), "interactive.buttons[1].title", "unique");

    [Fact]
    public void Reply_button_ids_differing_only_in_case_are_distinct() =>
        Assert.Null(ContentRules.Check(Buttons(new("yes", "Yes"), new("YES", "YES!")), Defaults));

    [Fact]
    public void Interactive_body_of_1024_characters_is_accepted_and_1025_refused()
    {
        Assert.Null(ContentRules.Check(Buttons(Numbered(1)) with { Body = new string('b', 1024) }, Defaults));

        Refused.TooLong(ContentRules.Check(Buttons(Numbered(1)) with { Body = new string('b', 1025) }, Defaults), "interactive.body", 1024, 1025);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Interactive_body_is_required(string body) =>
        Refused.Missing(ContentRules.Check(Buttons(Numbered(1)) with { Body = body }, Defaults), "interactive.body");

    [Fact]
    public void Interactive_header_of_60_characters_is_accepted_and_61_refused()
    {
        Assert.Null(ContentRules.Check(Buttons(Numbered(1)) with { HeaderText = new string('h', 60) }, Defaults));

        Refused.TooLong(ContentRules.Check(Buttons(Numbered(1)) with { HeaderText = new string('h', 61) }, Defaults), "interactive.header", 60, 61);
    }

    [Fact]
    public void Interactive_footer_of_60_characters_is_accepted_and_61_refused()
    {
        Assert.Null(ContentRules.Check(Buttons(Numbered(1)) with { Footer = new string('f', 60) }, Defaults));

        Refused.TooLong(ContentRules.Check(Buttons(Numbered(1)) with { Footer = new string('f', 61) }, Defaults), "interactive.footer", 60, 61);
    }

    [Fact]
    public void Reply_button_count_and_lengths_come_from_content_limits()
    {
        var limits = new ContentLimits
        {
            MaxReplyButtons = 2,
            MaxReplyButtonTitleLength = 3,
            MaxReplyButtonIdLength = 4,
            MaxInteractiveBodyLength = 5,
            MaxInteractiveHeaderLength = 6,
            MaxInteractiveFooterLength = 7,
        };
        var fits = new InteractiveButtonsMessage("12345", "123456", "1234567", [new("1234", "123"), new("b", "B")]);

        Assert.Null(ContentRules.Check(fits, limits));
        Refused.TooMany(ContentRules.Check(fits with { Buttons = [.. fits.Buttons, new("c", "C")] }, limits), "interactive.buttons", 2, 3);
        Refused.TooLong(ContentRules.Check(fits with { Buttons = [new("1234", "1234")] }, limits), "interactive.buttons[0].title", 3, 4);
        Refused.TooLong(ContentRules.Check(fits with { Buttons = [new("12345", "123")] }, limits), "interactive.buttons[0].id", 4, 5);
        Refused.TooLong(ContentRules.Check(fits with { Body = "123456" }, limits), "interactive.body", 5, 6);
        Refused.TooLong(ContentRules.Check(fits with { HeaderText = "1234567" }, limits), "interactive.header", 6, 7);
        Refused.TooLong(ContentRules.Check(fits with { Footer = "12345678" }, limits), "interactive.footer", 7, 8);
    }
}
