using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Tests.Rules;

public sealed class InboundMessageTypesTests
{
    [Theory]
    [InlineData("text", InboundMessageType.Text)]
    [InlineData("interactive", InboundMessageType.Interactive)]
    [InlineData("reaction", InboundMessageType.Reaction)]
    [InlineData("button", InboundMessageType.Button)]
    public void Metas_type_names_parse(string name, InboundMessageType type) =>
        Assert.Equal(type, InboundMessageTypes.Parse(name).Value);

    [Theory]
    [InlineData("banana")]
    [InlineData("TEXT")]
    public void An_unknown_type_is_refused_naming_the_field(string name)
    {
        var refusal = InboundMessageTypes.Parse(name).Refusal!;

        Assert.Equal(RefusalReason.InvalidMessageType, refusal.Reason);
        Assert.Equal("type", refusal.Metadata["field"]);
    }
}
