using Conversations.Grains.Limits;

namespace Conversations.Grains.Tests.Limits;

/// <summary>A quota that could never admit anything stops the silo at start-up, naming the setting.</summary>
public sealed class LimitOptionsValidatorTests
{
    private static readonly LimitOptionsValidator s_validator = new();

    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(s_validator.Validate(null, new ConversationOptions()).Succeeded);

    [Theory]
    [InlineData(nameof(LimitOptions.MaxBusinessNumbersPerWaba), 0)]
    [InlineData(nameof(LimitOptions.MaxBusinessNumbersPerWaba), -3)]
    [InlineData(nameof(LimitOptions.NewConversationsPerMinute), 0)]
    [InlineData(nameof(LimitOptions.NewConversationsPerMinute), 10_000_001)]
    public void A_quota_out_of_range_fails_validation_naming_the_setting(string setting, int value)
    {
        var limits = new LimitOptions();
        typeof(LimitOptions).GetProperty(setting)!.SetValue(limits, value);

        var result = s_validator.Validate(null, new ConversationOptions { Limits = limits });

        Assert.True(result.Failed);
        Assert.Contains($"Conversations:Limits:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }
}
