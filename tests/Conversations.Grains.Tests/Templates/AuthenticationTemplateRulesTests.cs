using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>AUTHENTICATION: a one-time passcode and nothing else; no URLs, media or emoji; code expiry 1 to 90 minutes.</summary>
public sealed class AuthenticationTemplateRulesTests
{
    [Fact]
    public void Authentication_template_with_one_code_parameter_and_an_otp_button_is_accepted()
    {
        var template = Accepted(Authentication().WithButtons(Otp()) with { Footer = "This code expires in 10 minutes." });

        Assert.Equal(TemplateCategory.Authentication, template.Category);
        Assert.Equal<string>(["1"], template.ParameterNames);
        Assert.Null(template.CodeExpiryMinutes);
    }

    [Fact]
    public void Named_code_parameter_is_accepted() =>
        Assert.Equal<string>(["code"], Accepted(Authentication("{{code}} is your verification code.")).ParameterNames);

    [Fact]
    public void Code_expiry_of_1_and_90_minutes_is_accepted()
    {
        Assert.Equal(1, Accepted(Authentication() with { CodeExpiryMinutes = 1 }).CodeExpiryMinutes);
        Assert.Equal(90, Accepted(Authentication() with { CodeExpiryMinutes = 90 }).CodeExpiryMinutes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-5)]
    public void Code_expiry_outside_1_to_90_minutes_is_refused(int minutes) =>
        Invalid(Authentication() with { CodeExpiryMinutes = minutes }, "CODE_EXPIRY", "expiry_range")
            .HasMetadata(("min", "1"), ("max", "90"), ("value", minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(TemplateCategory.Marketing)]
    [InlineData(TemplateCategory.Utility)]
    public void Code_expiry_on_a_template_other_than_authentication_is_refused(TemplateCategory category) =>
        Invalid(Utility() with { Category = category, CodeExpiryMinutes = 10 }, "CODE_EXPIRY", "authentication_only");

    [Theory]
    [InlineData(HeaderFormat.Image)]
    [InlineData(HeaderFormat.Video)]
    [InlineData(HeaderFormat.Document)]
    public void Authentication_template_with_a_media_header_is_refused(HeaderFormat format) =>
        Invalid(Authentication() with { Header = new TemplateHeader(format, null) }, "HEADER", "authentication_no_media");

    [Theory]
    [InlineData("{{1}} is your code. Details at https://example.com")]
    [InlineData("{{1}} is your code. Details at http://example.com")]
    [InlineData("{{1}} is your code. Details at www.example.com")]
    [InlineData("{{1}} is your code. Details at HTTPS://EXAMPLE.COM")]
    public void Url_in_an_authentication_body_is_refused(string body) =>
        Invalid(Authentication(body), "BODY", "authentication_no_url");

    [Fact]
    public void Url_in_an_authentication_footer_is_refused() =>
        Invalid(Authentication() with { Footer = "Help: www.example.com" }, "FOOTER", "authentication_no_url");

    [Fact]
    public void Url_in_an_authentication_header_is_refused() =>
        Invalid(Authentication() with { Header = new TemplateHeader(HeaderFormat.Text, "https://example.com") }, "HEADER", "authentication_no_url");

    [Theory]
    [InlineData("😀", "U+1F600")]
    [InlineData("✅", "U+2705")]
    [InlineData("⭐", "U+2B50")]
    [InlineData("❤️", "U+2764")]
    [InlineData("👍🏽", "U+1F44D")]
    [InlineData("🇺🇸", "U+1F1FA")]
    [InlineData("1️⃣", "U+FE0F")]
    public void Emoji_in_an_authentication_body_is_refused(string emoji, string codePoint) =>
        Invalid(Authentication($"{{{{1}}}} is your code {emoji}"), "BODY", "authentication_no_emoji").HasMetadata(("emoji", codePoint));

    [Fact]
    public void Emoji_in_an_authentication_header_is_refused() =>
        Invalid(Authentication() with { Header = new TemplateHeader(HeaderFormat.Text, "Your code 🔐") }, "HEADER", "authentication_no_emoji");

    [Fact]
    public void Emoji_in_an_authentication_footer_is_refused() =>
        Invalid(Authentication() with { Footer = "Stay safe 🙂" }, "FOOTER", "authentication_no_emoji");

    [Fact]
    public void Emoji_in_an_authentication_button_is_refused() =>
        Invalid(Authentication().WithButtons(Otp("Copy 📋")), "BUTTONS", "authentication_no_emoji").HasMetadata(("button", "0"));

    [Fact]
    public void Accents_symbols_and_other_scripts_in_an_authentication_template_are_not_emoji() =>
        Accepted(Authentication("{{1}} é o seu código © 25°C € 中文 العربية."));

    [Fact]
    public void Emoji_in_a_template_other_than_authentication_is_accepted() =>
        Accepted(Utility("Your order {{1}} has shipped 🚚"));

    [Theory]
    [InlineData(ButtonType.QuickReply)]
    [InlineData(ButtonType.Url)]
    [InlineData(ButtonType.PhoneNumber)]
    public void Authentication_template_with_a_button_other_than_otp_or_copy_code_is_refused(ButtonType type) =>
        Invalid(Authentication().WithButtons(Otp(), new TemplateButton(type, "Tap", "https://example.com", "+16505551234")), "BUTTONS", "authentication_buttons")
            .HasMetadata(("button", "1"));

    [Fact]
    public void Authentication_template_with_a_copy_code_button_is_accepted() =>
        Assert.Equal(ButtonType.CopyCode, Accepted(Authentication().WithButtons(CopyCode())).Buttons[0].Type);

    [Theory]
    [InlineData("Your verification code is ready.", "0")]
    [InlineData("{{1}} is your code; it expires at {{2}}.", "2")]
    public void Authentication_body_without_exactly_one_parameter_is_refused(string body, string count) =>
        Invalid(Authentication(body), "BODY", "authentication_code_parameter").HasMetadata(("expected", "1"), ("count", count));
}
