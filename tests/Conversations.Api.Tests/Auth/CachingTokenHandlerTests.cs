using Conversations.Api.Auth;
using Conversations.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Api.Tests.Auth;

/// <summary>A bearer token is validated in full once, answered from memory for at most a minute, and never kept when invalid.</summary>
public sealed class CachingTokenHandlerTests
{
    private const string Key = "caching-token-handler-test-key-of-32-bytes";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private static TokenValidationParameters Parameters(string key) => new()
    {
        ValidIssuer = "https://issuer.test",
        ValidAudience = "conversations",
        IssuerSigningKey = DevelopmentToken.Key(key),
        ClockSkew = TimeSpan.FromMinutes(1),
    };

    private string Token() =>
        DevelopmentToken.Mint(Key, "https://issuer.test", "conversations", [Scopes.Read], ["1"], [], DateTimeOffset.UtcNow, TimeSpan.FromHours(1), "bot");

    [Fact]
    public async Task A_validated_token_is_answered_from_memory_until_the_revalidation_interval_passes()
    {
        // Arrange: after the first validation the keys change, as a JWKS rotation that drops the key would.
        var handler = new CachingTokenHandler(_clock) { MapInboundClaims = false };
        var token = Token();
        var first = await handler.ValidateTokenAsync(token, Parameters(Key));
        var otherKey = Parameters("another-key-that-did-not-sign-the-token!!");

        // Act
        var cached = await handler.ValidateTokenAsync(token, otherKey);
        _clock.Advance(CachingTokenHandler.Revalidate);
        var revalidated = await handler.ValidateTokenAsync(token, otherKey);

        // Assert
        Assert.True(first.IsValid);
        Assert.True(cached.IsValid);
        Assert.Equal("bot", cached.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.NotSame(first.ClaimsIdentity, cached.ClaimsIdentity);
        Assert.False(revalidated.IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task An_invalid_token_is_never_kept_and_fails_every_time()
    {
        // Arrange
        var handler = new CachingTokenHandler(_clock) { MapInboundClaims = false };
        var token = Token();

        // Act
        var first = await handler.ValidateTokenAsync(token, Parameters("another-key-that-did-not-sign-the-token!!"));
        var second = await handler.ValidateTokenAsync(token + "x", Parameters(Key));

        // Assert
        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(0, handler.Count);
    }
}
