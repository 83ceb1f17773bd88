using Conversations.Api.RateLimiting;
using Conversations.Api.Tests.Auth;
using Conversations.Api.Tests.Startup;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Tests.RateLimiting;

/// <summary>A rate or quota that could never admit a call stops the api at start-up, naming the setting.</summary>
public sealed class RateLimitSettingsTests
{
    private static CallerRateLimitOptions Resolve(Dictionary<string, string?> settings) =>
        ConfiguredOptions.Resolve<CallerRateLimitOptions>(settings, services => services.AddCallerRateLimits());

    [Fact]
    public void The_defaults_give_a_caller_2000_calls_a_second_in_bursts_of_4000()
    {
        // Act
        var options = Resolve([]);

        // Assert
        Assert.Equal((2_000, 4_000), (options.PermitsPerSecond, options.Burst));
    }

    [Theory]
    [InlineData("0", "10", "Conversations:Api:RateLimit:PermitsPerSecond")]
    [InlineData("-5", "10", "Conversations:Api:RateLimit:PermitsPerSecond")]
    [InlineData("1000001", "1000001", "Conversations:Api:RateLimit:PermitsPerSecond")]
    [InlineData("10", "0", "Conversations:Api:RateLimit:Burst")]
    [InlineData("10", "9", "Conversations:Api:RateLimit:Burst")]
    public void A_rate_that_could_never_admit_a_call_fails_validation_naming_the_setting(string permitsPerSecond, string burst, string named)
    {
        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Conversations:Api:RateLimit:PermitsPerSecond"] = permitsPerSecond,
            ["Conversations:Api:RateLimit:Burst"] = burst,
        }));

        // Assert
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Conversations:Api:RateLimit:PermitsPerSecond", "0")]
    [InlineData("Conversations:Limits:NewConversationsPerMinute", "0")]
    [InlineData("Conversations:Limits:MaxBusinessNumbersPerWaba", "0")]
    public async Task The_api_refuses_to_start_with_a_rate_or_quota_below_one_naming_the_setting(string setting, string value)
    {
        // Arrange
        await using var api = new ConfiguredApiFactory(new Dictionary<string, string> { [setting] = value });

        // Act
        var failure = Assert.ThrowsAny<Exception>(() => api.Server);

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(AuthStartupTests.Innermost<OptionsValidationException>(failure));
        Assert.Contains(setting, invalid.Message, StringComparison.Ordinal);
    }
}
