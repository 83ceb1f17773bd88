using System.Net;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Meta's subscription handshake: the challenge comes back only for our verify token.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookVerificationTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);

    [Fact]
    public async Task Handshake_with_the_configured_token_echoes_the_challenge_as_plain_text()
    {
        // Act
        using var response = await _meta.Verify($"?hub.mode=subscribe&hub.verify_token={ApiFactory.WebhookVerifyToken}&hub.challenge=1158201444");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444")]
    [InlineData("?hub.mode=subscribe&hub.verify_token=api-tests-verify-toke&hub.challenge=1158201444")]
    [InlineData("?hub.mode=unsubscribe&hub.verify_token=api-tests-verify-token&hub.challenge=1158201444")]
    public async Task Handshake_with_a_wrong_token_or_mode_is_forbidden(string query)
    {
        // Act
        using var response = await _meta.Verify(query);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?hub.verify_token=api-tests-verify-token&hub.challenge=1158201444")]
    [InlineData("?hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("?hub.mode=subscribe&hub.verify_token=api-tests-verify-token")]
    public async Task Handshake_missing_a_parameter_is_a_bad_request(string query)
    {
        // Act
        using var response = await _meta.Verify(query);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
