using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>FOOTER: at most 60 characters, no placeholders.</summary>
public sealed class TemplateFooterRulesTests
{
    [Fact]
    public void Footer_of_60_characters_is_accepted_and_61_refused()
    {
        Assert.Equal(60, Accepted(Utility() with { Footer = new string('f', 60) }).Footer!.Length);

        Invalid(Utility() with { Footer = new string('f', 61) }, "FOOTER", "max_length").HasMetadata(("limit", "60"), ("length", "61"));
    }

    [Theory]
    [InlineData("Reply STOP to {{1}}")]
    [InlineData("Sent to {{first_name}}")]
    [InlineData("Sent to {{Bad Name}}")]
    public void Footer_with_a_placeholder_is_refused(string footer) =>
        Invalid(Utility() with { Footer = footer }, "FOOTER", "no_parameters");

    [Fact]
    public void Empty_footer_is_stored_as_no_footer() =>
        Assert.Null(Accepted(Utility() with { Footer = "" }).Footer);
}
