using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>BUTTONS: at most 10; quick reply, URL (one dynamic suffix), phone, copy code, and OTP for AUTHENTICATION only.</summary>
public sealed class TemplateButtonRulesTests
{
    [Fact]
    public void Ten_buttons_are_accepted_and_eleven_refused()
    {
        Assert.Equal(10, Accepted(Utility().WithButtons(Repeat(10, i => QuickReply($"Option {i}")))).Buttons.Length);

        Invalid(Utility().WithButtons(Repeat(11, i => QuickReply($"Option {i}"))), "BUTTONS", "max_count").HasMetadata(("limit", "10"), ("count", "11"));
    }

    [Fact]
    public void Quick_reply_text_of_25_characters_is_accepted_and_26_refused()
    {
        Accepted(Utility().WithButtons(QuickReply(new string('q', 25))));

        Invalid(Utility().WithButtons(QuickReply(), QuickReply(new string('q', 26))), "BUTTONS", "max_length")
            .HasMetadata(("button", "1"), ("field", "text"), ("limit", "25"), ("length", "26"));
    }

    [Fact]
    public void Url_button_text_of_25_characters_is_accepted_and_26_refused()
    {
        Accepted(Utility().WithButtons(Url(text: new string('u', 25))));

        Invalid(Utility().WithButtons(Url(text: new string('u', 26))), "BUTTONS", "max_length").HasMetadata(("field", "text"), ("limit", "25"));
    }

    [Fact]
    public void Phone_button_text_of_25_characters_is_accepted_and_26_refused()
    {
        Accepted(Utility().WithButtons(Phone(text: new string('p', 25))));

        Invalid(Utility().WithButtons(Phone(text: new string('p', 26))), "BUTTONS", "max_length").HasMetadata(("field", "text"), ("limit", "25"));
    }

    [Fact]
    public void Copy_code_button_text_of_26_characters_is_refused() =>
        Invalid(Marketing().WithButtons(CopyCode(new string('c', 26))), "BUTTONS", "max_length").HasMetadata(("field", "text"), ("limit", "25"));

    [Theory]
    [InlineData(ButtonType.QuickReply)]
    [InlineData(ButtonType.Url)]
    [InlineData(ButtonType.PhoneNumber)]
    public void Button_without_text_is_refused_as_a_missing_field(ButtonType type) =>
        MissingField(Utility().WithButtons(QuickReply(), new TemplateButton(type, " ", "https://example.com", "+16505551234")), "buttons[1].text");

    [Fact]
    public void Copy_code_button_without_text_is_accepted_because_Meta_labels_it() =>
        Accepted(Marketing().WithButtons(CopyCode("")));

    [Fact]
    public void Button_text_with_a_placeholder_is_refused() =>
        Invalid(Utility().WithButtons(QuickReply("Stop {{1}}")), "BUTTONS", "no_parameters").HasMetadata(("button", "0"));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Button_of_unknown_type_is_refused(int type) =>
        Invalid(Utility().WithButtons(new TemplateButton((ButtonType)type, "Tap")), "BUTTONS", "button_type").HasMetadata(("button", "0"));

    [Fact]
    public void Missing_button_is_refused_as_a_missing_field() =>
        MissingField(Utility().WithButtons(QuickReply(), null!), "buttons[1]");

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("https://example.com/track?id=42")]
    [InlineData("http://example.com/track")]
    [InlineData("https://example.com/track/{{1}}")]
    [InlineData("https://example.com/track?id={{1}}")]
    public void Url_button_with_an_absolute_web_url_is_accepted(string url) =>
        Assert.Equal(url, Accepted(Utility().WithButtons(Url(url))).Buttons[0].Url);

    [Theory]
    [InlineData("example.com/track")]
    [InlineData("/track")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:help@example.com")]
    [InlineData("https://")]
    [InlineData("https://exa mple.com")]
    [InlineData("https://{{1}}")]
    public void Url_button_with_anything_but_an_absolute_web_url_is_refused(string url) =>
        Invalid(Utility().WithButtons(Url(url)), "BUTTONS", "url_format").HasMetadata(("button", "0"));

    [Fact]
    public void Url_button_without_a_url_is_refused_as_a_missing_field() =>
        MissingField(Utility().WithButtons(Url("")), "buttons[0].url");

    [Fact]
    public void Url_of_2000_characters_is_accepted_and_2001_refused()
    {
        const string Prefix = "https://example.com/";
        Accepted(Utility().WithButtons(Url(Prefix + new string('a', 2000 - Prefix.Length))));

        Invalid(Utility().WithButtons(Url(Prefix + new string('a', 2001 - Prefix.Length))), "BUTTONS", "max_length")
            .HasMetadata(("field", "url"), ("limit", "2000"), ("length", "2001"));
    }

    [Theory]
    [InlineData("https://example.com/{{1}}/track")]
    [InlineData("https://example.com/track/{{2}}")]
    [InlineData("https://example.com/track/{{order_id}}")]
    [InlineData("https://example.com/track/{{1}}/")]
    public void Url_placeholder_other_than_1_at_the_very_end_is_refused(string url) =>
        Invalid(Utility().WithButtons(Url(url)), "BUTTONS", "url_dynamic_suffix").HasMetadata(("button", "0"));

    [Fact]
    public void Url_with_two_placeholders_is_refused() =>
        Invalid(Utility().WithButtons(Url("https://example.com/{{1}}/{{1}}")), "BUTTONS", "url_parameter_count").HasMetadata(("limit", "1"), ("count", "2"));

    [Fact]
    public void Two_url_buttons_are_accepted_and_three_refused()
    {
        Accepted(Utility().WithButtons(Url(), Url("https://example.com/help", "Help")));

        Invalid(Utility().WithButtons(Url(), Url(), Url()), "BUTTONS", "max_url_buttons").HasMetadata(("limit", "2"), ("count", "3"));
    }

    [Theory]
    [InlineData("+16505551234")]
    [InlineData("+441632960961")]
    [InlineData("+12")]
    public void Phone_button_with_plus_and_digits_is_accepted(string phoneNumber) =>
        Assert.Equal(phoneNumber, Accepted(Utility().WithButtons(Phone(phoneNumber))).Buttons[0].PhoneNumber);

    [Fact]
    public void Phone_number_of_20_characters_is_accepted_and_21_refused()
    {
        Accepted(Utility().WithButtons(Phone("+1" + new string('5', 18))));

        Invalid(Utility().WithButtons(Phone("+1" + new string('5', 19))), "BUTTONS", "max_length")
            .HasMetadata(("field", "phone_number"), ("limit", "20"), ("length", "21"));
    }

    [Theory]
    [InlineData("16505551234")]
    [InlineData("+1 650 555 1234")]
    [InlineData("+1-650-555-1234")]
    [InlineData("+06505551234")]
    [InlineData("+")]
    [InlineData("tel:+16505551234")]
    public void Phone_number_other_than_plus_and_digits_is_refused(string phoneNumber) =>
        Invalid(Utility().WithButtons(Phone(phoneNumber)), "BUTTONS", "phone_format").HasMetadata(("button", "0"));

    [Fact]
    public void Phone_button_without_a_number_is_refused_as_a_missing_field() =>
        MissingField(Utility().WithButtons(Phone("")), "buttons[0].phone_number");

    [Fact]
    public void One_phone_button_is_accepted_and_two_refused()
    {
        Accepted(Utility().WithButtons(Phone(), QuickReply()));

        Invalid(Utility().WithButtons(Phone(), Phone("+441632960961")), "BUTTONS", "max_phone_number_buttons").HasMetadata(("limit", "1"), ("count", "2"));
    }

    [Fact]
    public void One_copy_code_button_is_accepted_and_two_refused()
    {
        Accepted(Marketing().WithButtons(CopyCode(), QuickReply()));

        Invalid(Marketing().WithButtons(CopyCode(), CopyCode()), "BUTTONS", "max_copy_code_buttons").HasMetadata(("limit", "1"), ("count", "2"));
    }

    [Theory]
    [InlineData(TemplateCategory.Marketing)]
    [InlineData(TemplateCategory.Utility)]
    public void Otp_button_outside_an_authentication_template_is_refused(TemplateCategory category) =>
        Invalid(Utility() with { Category = category, Buttons = [Otp()] }, "BUTTONS", "otp_authentication_only").HasMetadata(("button", "0"));

    [Fact]
    public void One_otp_button_in_an_authentication_template_is_accepted_and_two_refused()
    {
        Assert.Equal(ButtonType.Otp, Accepted(Authentication().WithButtons(Otp())).Buttons[0].Type);

        Invalid(Authentication().WithButtons(Otp(), Otp()), "BUTTONS", "max_otp_buttons").HasMetadata(("limit", "1"), ("count", "2"));
    }
}
