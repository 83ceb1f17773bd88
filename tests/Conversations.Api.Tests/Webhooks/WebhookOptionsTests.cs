using Conversations.Api.Tests.Startup;
using Conversations.Api.Webhooks;
using Microsoft.Extensions.Options;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>A webhook endpoint without a secret, or with an unbounded body, must not start.</summary>
public sealed class WebhookOptionsTests
{
    private static WebhookOptions Resolve(Dictionary<string, string?> settings) =>
        ConfiguredOptions.Resolve<WebhookOptions>(settings, services => services.AddWhatsAppWebhooks());

    [Fact]
    public void Token_and_secret_are_enough_and_the_body_limit_defaults_to_metas_3MB()
    {
        // Act
        var options = Resolve(new() { ["Conversations:Webhooks:VerifyToken"] = "t", ["Conversations:Webhooks:AppSecret"] = "s" });

        // Assert
        Assert.Equal(3 * 1024 * 1024, options.MaxBodyBytes);
    }

    [Theory]
    [InlineData("Conversations:Webhooks:AppSecret", "")]
    [InlineData("Conversations:Webhooks:VerifyToken", "")]
    [InlineData("Conversations:Webhooks:MaxBodyBytes", "3145729")]
    [InlineData("Conversations:Webhooks:MaxBodyBytes", "0")]
    public void Missing_secret_or_out_of_range_limit_fails_validation(string key, string value)
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["Conversations:Webhooks:VerifyToken"] = "t", ["Conversations:Webhooks:AppSecret"] = "s", [key] = value };

        // Act
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        // Assert
        Assert.Contains(key.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }
}
