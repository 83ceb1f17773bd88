using Conversations.Grains.Pricing;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>A bad pricing setting or rate card fails the silo at start-up, naming the setting.</summary>
public sealed class PricingOptionsValidatorTests
{
    private static readonly PricingOptionsValidator s_validator = new();

    [Fact]
    public void The_defaults_and_the_embedded_card_are_valid() =>
        Assert.True(s_validator.Validate(null, new ConversationOptions()).Succeeded);

    [Theory]
    [InlineData("RateCardPath", "/nonexistent/rate-card.json")]
    [InlineData("BusinessMarket", "USA")]
    [InlineData("AuthenticationInternationalMarkets", "IN,India")]
    public void A_bad_setting_fails_validation_naming_it(string setting, string value)
    {
        var pricing = new PricingOptions();
        typeof(PricingOptions).GetProperty(setting)!.SetValue(pricing, value);

        var result = s_validator.Validate(null, new ConversationOptions { Pricing = pricing });

        Assert.True(result.Failed);
        Assert.Contains($"Conversations:Pricing:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_file_that_is_not_a_rate_card_fails_validation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rate-card-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"rows": []}""");
        try
        {
            var result = s_validator.Validate(null, new ConversationOptions { Pricing = new PricingOptions { RateCardPath = path } });

            Assert.Contains("no ROW row", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
