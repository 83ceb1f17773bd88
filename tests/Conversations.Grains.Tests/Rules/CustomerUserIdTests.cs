using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Tests.Rules;

/// <summary>A BSUID's shape: country code, dot, up to 128 letters and digits; a parent BSUID is not a customer's id.</summary>
public sealed class CustomerUserIdTests
{
    [Theory]
    [InlineData("US.13491208655302741918", "US.13491208655302741918")]
    [InlineData(" us.13491208655302741918 ", "US.13491208655302741918")]
    [InlineData("BR.abcDEF123", "BR.abcDEF123")]
    public void A_bsuid_is_accepted_with_its_country_code_in_capitals(string input, string expected) =>
        Assert.Equal(expected, CustomerUserId.Parse(input).Value);

    [Theory]
    [InlineData("13491208655302741918")]
    [InlineData("US13491208655302741918")]
    [InlineData("U1.13491208655302741918")]
    [InlineData("US.")]
    [InlineData("US.ENT.11815799212886844830")]
    [InlineData("US.1349 1208")]
    public void A_malformed_bsuid_is_INVALID_CUSTOMER_on_its_field(string input)
    {
        var refusal = CustomerUserId.Parse(input).Refusal!;

        Assert.Equal(RefusalReason.InvalidCustomer, refusal.Reason);
        Assert.Equal("customer_user_id", refusal.Metadata["field"]);
    }

    [Fact]
    public void At_most_128_characters_follow_the_country_code()
    {
        Assert.True(CustomerUserId.Parse("US." + new string('7', 128)).Succeeded);
        Assert.False(CustomerUserId.Parse("US." + new string('7', 129)).Succeeded);
    }

    [Fact]
    public void A_conversation_key_takes_a_bsuid_as_its_customer_and_round_trips_through_its_grain_key()
    {
        var key = ConversationKey.Create("106540352242922", "US.13491208655302741918").Value!;

        Assert.True(key.IsUserId());
        Assert.Equal(key, ConversationKey.FromGrainKey(key.ToString()).Value);
        Assert.False(ConversationKey.FromGrainKey("106540352242922/us.13491208655302741918").Succeeded);
    }

    [Fact]
    public void A_bsuids_region_is_its_country_code_and_its_mask_hides_the_middle()
    {
        Assert.Equal("BR", CustomerNumber.Region("BR.13491208655302741918"));
        Assert.Equal("US.1349•••1918", CustomerNumber.Mask("US.13491208655302741918"));
    }

    [Theory]
    [InlineData("+16505551234", "", "16505551234", null)]
    [InlineData("", "US.1", null, "US.1")]
    [InlineData("US.1", "", null, "US.1")]
    [InlineData("16505551234", "US.1", "16505551234", "US.1")]
    public void Customer_ids_come_from_customer_and_customer_user_id(string customer, string userId, string? phone, string? expectedUserId) =>
        Assert.Equal(new CustomerIds(phone, expectedUserId), CustomerIds.FromCaller(customer, userId).Value);

    [Fact]
    public void Two_different_bsuids_in_customer_and_customer_user_id_are_refused()
    {
        var refusal = CustomerIds.FromCaller("US.1", "US.2").Refusal!;

        Assert.Equal(RefusalReason.InvalidField, refusal.Reason);
        Assert.Equal("customer_user_id", refusal.Metadata["field"]);
    }
}
