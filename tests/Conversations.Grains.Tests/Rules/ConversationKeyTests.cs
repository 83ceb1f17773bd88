using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Tests.Rules;

public sealed class ConversationKeyTests
{
    [Fact]
    public void The_key_is_the_number_id_and_the_normalized_customer() =>
        Assert.Equal("106540352242922/16505551234", ConversationKey.Create("106540352242922", "+16505551234").Value!.ToString());

    [Fact]
    public void A_key_parses_back_to_its_parts() =>
        Assert.Equal(new ConversationKey("106540352242922", "16505551234"), ConversationKey.Parse("106540352242922/16505551234"));

    [Theory]
    [InlineData("abc")]
    [InlineData("12 34")]
    [InlineData("123456789012345678901234567890123")]
    public void A_business_number_id_must_be_metas_numeric_id(string id) =>
        Assert.Equal(RefusalReason.InvalidBusinessNumberId, ConversationKey.Create(id, "+16505551234").Refusal!.Reason);

    [Fact]
    public void A_32_digit_business_number_id_is_accepted() =>
        Assert.True(ConversationKey.Create(new string('7', 32), "+16505551234").Succeeded);
}
