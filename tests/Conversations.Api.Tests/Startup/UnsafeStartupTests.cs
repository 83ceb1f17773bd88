using Conversations.Api.Tests.Auth;
using Conversations.Api.Webhooks;
using static Conversations.Api.Tests.Startup.ProductionSettings;

namespace Conversations.Api.Tests.Startup;

/// <summary>
/// With a real Meta access token the api talks to Meta and Meta's webhooks reach it: it refuses to start with the public
/// development secret or verify token, or with a Graph URL the token would cross in clear text, naming the setting.
/// </summary>
public sealed class UnsafeStartupTests
{
    private static readonly Dictionary<string, string> s_realMeta = new()
    {
        ["Conversations:Meta:AccessToken"] = "EAAG-real-token",
        ["Conversations:Webhooks:AppSecret"] = "a-real-app-secret",
        ["Conversations:Webhooks:VerifyToken"] = "a-real-verify-token",
    };

    public static TheoryData<string, string, string> Unsafe => new()
    {
        { "Conversations:Webhooks:AppSecret", WebhookOptions.LocalDevelopmentSecret, "Conversations:Webhooks:AppSecret" },
        { "Conversations:Webhooks:VerifyToken", WebhookOptions.LocalDevelopmentVerifyToken, "Conversations:Webhooks:VerifyToken" },
        { "Conversations:Meta:GraphBaseUrl", "http://graph.facebook.com", "Conversations:Meta:GraphBaseUrl must be an https URL" },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void With_a_real_access_token_an_unsafe_setting_stops_the_api_at_start_naming_it(string key, string value, string named)
    {
        // Arrange
        using var api = new ConfiguredApiFactory(InProduction(new Dictionary<string, string>(s_realMeta) { [key] = value }));

        // Act
        var failure = Record.Exception(() => api.Server);

        // Assert
        Assert.NotNull(failure);
        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_access_token_the_development_secret_and_token_still_start_the_simulator_setup()
    {
        // Arrange
        using var api = new ConfiguredApiFactory(InProduction(new Dictionary<string, string>
        {
            ["Conversations:Webhooks:AppSecret"] = WebhookOptions.LocalDevelopmentSecret,
            ["Conversations:Webhooks:VerifyToken"] = WebhookOptions.LocalDevelopmentVerifyToken,
        }));

        // Act
        var failure = Record.Exception(() => api.Server);

        // Assert
        Assert.Null(failure);
    }
}
