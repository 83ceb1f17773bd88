using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>Lint warns where Meta would likely recategorize a template; its rules are data, not code.</summary>
public sealed class TemplateLintTests
{
    [Fact]
    public void Promotional_utility_template_warns_promotional_utility_with_the_phrases_and_suggests_marketing()
    {
        var warning = Assert.Single(TemplateLint.Check(Utility("Your order {{1}} has shipped. Enjoy 20% off in our sale!")));

        Assert.Equal("promotional_utility", warning.RuleId);
        Assert.Equal(TemplateCategory.Marketing, warning.SuggestedCategory);
        Assert.Equal<string>(["20% off", "sale"], warning.MatchedPhrases);
        Assert.False(string.IsNullOrWhiteSpace(warning.Message));
    }

    [Fact]
    public void Promotional_phrase_in_the_footer_or_a_button_is_found_too()
    {
        var warning = Assert.Single(TemplateLint.Check(Utility() with { Footer = "Free shipping on your next order", Buttons = [QuickReply("Shop now")] }));

        Assert.Equal<string>(["Free shipping", "Shop now"], warning.MatchedPhrases);
    }

    [Fact]
    public void Passcode_in_a_marketing_template_warns_otp_not_authentication()
    {
        var warning = Assert.Single(TemplateLint.Check(Marketing("Your verification code is {{1}}")));

        Assert.Equal("otp_not_authentication", warning.RuleId);
        Assert.Equal(TemplateCategory.Authentication, warning.SuggestedCategory);
        Assert.Equal<string>(["verification code"], warning.MatchedPhrases);
    }

    [Fact]
    public void Passcode_in_a_utility_template_warns_otp_not_authentication() =>
        Assert.Equal("otp_not_authentication", Assert.Single(TemplateLint.Check(Utility("Your OTP is {{1}}"))).RuleId);

    [Theory]
    [InlineData("Your order {{1}} has shipped")]
    [InlineData("Your sales order {{1}} has shipped")]
    [InlineData("Don't miss your appointment on {{1}}")]
    [InlineData("Your booking confirmation code is {{1}}")]
    [InlineData("Your invoice {{1}} includes sales tax")]
    public void Transactional_utility_template_gets_no_warning(string body) =>
        Assert.Empty(TemplateLint.Check(Utility(body)));

    [Fact]
    public void Authentication_template_gets_neither_warning() =>
        Assert.Empty(TemplateLint.Check(Authentication("Your verification code is {{1}}. 20% off in our sale!")));

    [Fact]
    public void Marketing_template_may_be_promotional() =>
        Assert.Empty(TemplateLint.Check(Marketing("Hi {{1}}, enjoy 20% off in our sale")));

    [Fact]
    public void The_embedded_rules_are_loaded() =>
        Assert.Equal(["promotional_utility", "otp_not_authentication"], TemplateLint.Rules.Select(r => r.Id));

    [Fact]
    public void Custom_rules_parsed_from_json_are_honoured_instead_of_the_embedded_ones()
    {
        var rules = TemplateLint.Parse("""
            {
              "rules": [
                {
                  "id": "urgency",
                  "categories": ["UTILITY", "AUTHENTICATION"],
                  "suggested_category": "MARKETING",
                  "patterns": ["\\bhurry\\b", "\\blast chance\\b"],
                  "message": "Urgency reads as marketing."
                }
              ]
            }
            """);

        var warning = Assert.Single(TemplateLint.Check(Utility("Hurry, last chance: 20% off order {{1}}"), rules));
        Assert.Equal("urgency", warning.RuleId);
        Assert.Equal(TemplateCategory.Marketing, warning.SuggestedCategory);
        Assert.Equal<string>(["Hurry", "last chance"], warning.MatchedPhrases);
        Assert.Equal("Urgency reads as marketing.", warning.Message);
        Assert.Empty(TemplateLint.Check(Marketing("Hurry, last chance"), rules));
    }
}
