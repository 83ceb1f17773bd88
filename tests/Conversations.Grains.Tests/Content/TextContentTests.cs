using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class TextContentTests
{
    private static readonly ContentLimits Defaults = new();

    [Fact]
    public void Text_body_of_4096_characters_is_accepted_and_4097_refused_as_text_too_long()
    {
        Assert.Null(ContentRules.Check(new TextMessage(new string('a', 4096)), Defaults));

        Refused.TextTooLong(ContentRules.Check(new TextMessage(new string('a', 4097)), Defaults), "text.body", 4096, 4097);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_or_blank_text_body_is_refused_as_missing(string? body) =>
        Refused.Missing(ContentRules.Check(new TextMessage(body!), Defaults), "text.body");

    [Fact]
    public void Text_with_a_link_preview_follows_the_same_limit() =>
        Assert.Null(ContentRules.Check(new TextMessage("see https://example.com", PreviewUrl: true), Defaults));

    [Fact]
    public void Text_body_limit_comes_from_content_limits()
    {
        var limits = new ContentLimits { MaxTextLength = 10 };

        Assert.Null(ContentRules.Check(new TextMessage(new string('a', 10)), limits));
        Refused.TextTooLong(ContentRules.Check(new TextMessage(new string('a', 11)), limits), "text.body", 10, 11);
    }
}
