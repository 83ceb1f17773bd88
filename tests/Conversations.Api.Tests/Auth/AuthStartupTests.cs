using System.Security.Cryptography;
using Conversations.Auth;
using Conversations.Testing;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Auth;

/// <summary>The real api at start-up: development mode only on loopback without Redis, said in its log; keys from a JWKS file.</summary>
public sealed class AuthStartupTests
{
    [Fact]
    public async Task Without_auth_on_loopback_the_api_says_it_runs_in_development_mode_and_needs_no_token()
    {
        // Arrange
        await using var api = new ConfiguredApiFactory(ConfiguredApiFactory.WithoutAuth);
        using var channel = api.ChannelWith(token: null);

        // Act
        var registered = await new V1.BusinessNumbersService.BusinessNumbersServiceClient(channel).RegisterBusinessNumberAsync(
            new V1.RegisterBusinessNumberRequest { BusinessNumberId = TestNumbers.BusinessNumberId(), WabaId = TestNumbers.WabaId() });

        // Assert
        Assert.NotEmpty(registered.BusinessNumber.WabaId);
        Assert.Contains(api.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("Development mode", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "http://0.0.0.0:5000")]
    [InlineData("ConnectionStrings:Redis", "127.0.0.1:6390")]
    public async Task Without_auth_beyond_loopback_or_with_Redis_the_api_refuses_to_start_naming_the_setting(string setting, string value)
    {
        // Arrange
        await using var api = new ConfiguredApiFactory(ConfiguredApiFactory.WithoutAuthAnd(setting, value));

        // Act
        var failure = Assert.ThrowsAny<Exception>(() => api.Server);

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(failure));
        Assert.Contains("Conversations:Auth:SigningKey or Conversations:Auth:Jwks (or Conversations:Auth:ClientCertificates) is required", invalid.Message, StringComparison.Ordinal);
        Assert.Contains(setting, invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_JWKS_file_tokens_signed_by_its_key_are_accepted_and_others_are_TOKEN_INVALID()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var jwks = Path.Combine(Path.GetTempPath(), $"conversations-jwks-{Guid.NewGuid():N}.json");
        var publicKey = rsa.ExportParameters(includePrivateParameters: false);
        await File.WriteAllTextAsync(jwks, $$"""
            {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"test-1","n":"{{Base64UrlEncoder.Encode(publicKey.Modulus)}}","e":"{{Base64UrlEncoder.Encode(publicKey.Exponent)}}"}]}
            """);
        await using var api = new ConfiguredApiFactory(new Dictionary<string, string>
        {
            ["Conversations:Auth:SigningKey"] = "",
            ["Conversations:Auth:Jwks"] = jwks,
        });
        var rsaToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ApiFactory.Issuer,
            Audience = ApiFactory.Audience,
            Claims = new Dictionary<string, object> { [CallerClaims.Scope] = Scopes.Read, [CallerClaims.WabaIds] = new[] { "1" } },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "test-1" }, SecurityAlgorithms.RsaSha256),
        });
        using var signedByIssuer = api.ChannelWith(rsaToken);
        using var signedWithDevelopmentKey = api.ChannelWith(api.AdminToken);
        var request = new V1.GetMessagingLimitRequest { PortfolioId = "1" };

        try
        {
            // Act
            var accepted = await new V1.BusinessNumbersService.BusinessNumbersServiceClient(signedByIssuer).GetMessagingLimitAsync(request);
            var refused = Refused.With(StatusCode.Unauthenticated, "TOKEN_INVALID", () =>
                new V1.BusinessNumbersService.BusinessNumbersServiceClient(signedWithDevelopmentKey).GetMessagingLimitAsync(request).ResponseAsync);

            // Assert
            Assert.Equal("1", accepted.MessagingLimit.PortfolioId);
            await refused;
        }
        finally
        {
            File.Delete(jwks);
        }
    }

    /// <summary>The first <typeparamref name="T"/> among what a failed start threw, however deep the host wrapped it.</summary>
    internal static Exception? Innermost<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return e;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Innermost<T>).FirstOrDefault(i => i is not null) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
