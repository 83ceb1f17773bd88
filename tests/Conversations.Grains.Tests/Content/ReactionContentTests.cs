using Conversations.Abstractions.Messages;
using Conversations.Grains.Sending;

namespace Conversations.Grains.Tests.Content;

public sealed class ReactionContentTests
{
    private const string MessageId = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
    private static readonly ContentLimits Defaults = new();

    [Theory]
    [InlineData("👍")]
    [InlineData("❤️")]
    [InlineData("👩🏻‍❤️‍💋‍👨🏼")]
    public void Reaction_with_an_emoji_is_accepted(string emoji) =>
        Assert.Null(ContentRules.Check(new ReactionMessage(MessageId, emoji), Defaults));

    [Fact]
    public void Reaction_with_an_empty_emoji_is_accepted_because_it_removes_the_reaction() =>
        Assert.Null(ContentRules.Check(new ReactionMessage(MessageId, ""), Defaults));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Reaction_without_a_message_id_is_refused_as_missing(string? messageId) =>
        Refused.Missing(ContentRules.Check(new ReactionMessage(messageId!, "👍"), Defaults), "reaction.message_id");

    [Fact]
    public void Reaction_message_id_of_256_characters_is_accepted_and_257_refused()
    {
        Assert.Null(ContentRules.Check(new ReactionMessage(new string('w', 256), "👍"), Defaults));

        Refused.TooLong(ContentRules.Check(new ReactionMessage(new string('w', 257), "👍"), Defaults), "reaction.message_id", 256, 257);
    }

    [Fact]
    public void Reaction_emoji_longer_than_any_emoji_sequence_is_refused() =>
        Refused.TooLong(ContentRules.Check(new ReactionMessage(MessageId, new string('x', 17)), Defaults), "reaction.emoji", 16, 17);
}
