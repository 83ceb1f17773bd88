using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Tests.Rules;

public sealed class CustomerNumberTests
{
    [Theory]
    [InlineData("+16505551234", "16505551234")]
    [InlineData("16505551234", "16505551234")]
    [InlineData(" +447911123456 ", "447911123456")]
    [InlineData("+5511987654321", "5511987654321")]
    public void E164_with_or_without_plus_normalizes_to_the_wa_id(string input, string waId)
    {
        var result = CustomerNumber.Normalize(input);

        Assert.True(result.Succeeded, result.Refusal?.Message);
        Assert.Equal(waId, result.Value);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("+1 650 555 1234")]
    [InlineData("+1-650-555-1234")]
    [InlineData("abc")]
    [InlineData("1234567890123456")]
    [InlineData("+10005551234")]
    [InlineData("++16505551234")]
    public void Anything_that_is_not_a_valid_E164_number_is_refused_as_invalid_customer(string input)
    {
        var result = CustomerNumber.Normalize(input);

        Assert.False(result.Succeeded);
        Assert.Equal(RefusalReason.InvalidCustomer, result.Refusal!.Reason);
        Assert.Equal("customer", result.Refusal.Metadata["field"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_customer_is_a_missing_field(string? input) =>
        Assert.Equal(RefusalReason.MissingField, CustomerNumber.Normalize(input).Refusal!.Reason);

    [Fact]
    public void Logs_see_only_a_masked_number() =>
        Assert.Equal("+1650•••1234", CustomerNumber.Mask("16505551234"));

    [Theory]
    [InlineData("447700900123", "447700900123")]
    [InlineData("10005551234", "10005551234")]
    [InlineData("+16505551234", "16505551234")]
    public void A_wa_id_from_Meta_needs_only_the_E164_shape(string input, string waId)
    {
        var result = CustomerNumber.FromMeta(input);

        Assert.True(result.Succeeded, result.Refusal?.Message);
        Assert.Equal(waId, result.Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0447700900123")]
    [InlineData("1234567890123456")]
    [InlineData("+1 650 555 1234")]
    public void A_wa_id_from_Meta_that_is_not_E164_shaped_is_refused_as_invalid_customer(string input)
    {
        var result = CustomerNumber.FromMeta(input);

        Assert.False(result.Succeeded);
        Assert.Equal(RefusalReason.InvalidCustomer, result.Refusal!.Reason);
    }

    [Fact]
    public void A_grain_key_with_a_wa_id_only_Meta_vouches_for_is_accepted()
    {
        Assert.False(ConversationKey.Create("106540352242922", "447700900123").Succeeded);
        Assert.True(ConversationKey.FromGrainKey("106540352242922/447700900123").Succeeded);
    }
}
