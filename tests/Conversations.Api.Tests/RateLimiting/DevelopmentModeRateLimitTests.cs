using Conversations.Api.Tests.Auth;
using Conversations.Auth;
using static Conversations.Api.Tests.RateLimiting.RateLimitedApiFactory;

namespace Conversations.Api.Tests.RateLimiting;

/// <summary>
/// In development mode every call acts as the same administrator and any token is ignored, so callers are told apart by
/// their remote address: two clients on one machine share one rate, whatever tokens they send.
/// </summary>
public sealed class DevelopmentModeRateLimitTests
{
    [Fact]
    public async Task Without_auth_callers_from_one_address_share_one_rate_whatever_token_they_send()
    {
        // Arrange
        await using var api = new ConfiguredApiFactory(new Dictionary<string, string>(ConfiguredApiFactory.WithoutAuth)
        {
            ["Conversations:Api:RateLimit:PermitsPerSecond"] = "1",
            ["Conversations:Api:RateLimit:Burst"] = $"{Burst}",
        });
        using var first = api.ChannelWith(ApiFactory.Token(Scopes.All, [CallerClaims.Any], subject: "first"));
        using var second = api.ChannelWith(ApiFactory.Token(Scopes.All, [CallerClaims.Any], subject: "second"));
        var calls = 0;

        // Act: the two take turns; with a rate each, they would make twice the burst before a refusal.
        var (went, refused) = await CallUntilRefused(() => ListTemplates(calls++ % 2 == 0 ? first : second)(), most: 2 * Burst);

        // Assert
        Assert.NotNull(refused);
        Assert.InRange(went, Burst, 2 * Burst - 1);
        Assert.Equal("RATE_LIMITED", Refused.Decode(refused).Info.Reason);
    }
}
