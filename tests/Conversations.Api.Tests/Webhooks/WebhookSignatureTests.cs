using System.Net;
using System.Security.Cryptography;
using System.Text;
using Conversations.Api.Webhooks;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Only Meta, holding the app secret, can make us record anything: the signature covers the raw body.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookSignatureTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    /// <summary>A signed-able inbound message from a fresh customer of a registered number.</summary>
    private async Task<(string BusinessNumberId, string Customer, byte[] Body)> InboundBody()
    {
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var payload = MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(customer, _scenario.Now.AddMinutes(-1))]);
        return (number.BusinessNumberId, customer, Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private async Task AssertNothingRecorded(string businessNumberId, string customer)
    {
        var conversation = await _scenario.Conversation(businessNumberId, customer);
        Assert.Null(conversation.LastInboundAt);
        Assert.False(conversation.WindowOpen);
    }

    public static TheoryData<string, string?> WrongSignatures
    {
        get
        {
            var other = Convert.ToHexStringLower(HMACSHA256.HashData("another-secret"u8, "{}"u8));
            return new TheoryData<string, string?>
            {
                { "missing", null },
                { "empty", "" },
                { "no prefix", other },
                { "sha1 prefix", "sha1=" + other[..40] },
                { "uppercase prefix", "SHA256=" + other },
                { "other secret or body", "sha256=" + other },
                { "truncated", "sha256=" + other[..62] },
                { "not hex", "sha256=" + new string('z', 64) },
                { "trailing space", "sha256=" + other + " " },
            };
        }
    }

    [Fact]
    public async Task Correctly_signed_post_is_accepted_and_applied()
    {
        // Arrange
        var (businessNumberId, customer, body) = await InboundBody();

        // Act
        using var response = await _meta.Send(body, MetaWebhook.Sign(body));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await _scenario.Conversation(businessNumberId, customer)).WindowOpen);
    }

    [Fact]
    public async Task Signature_in_uppercase_hex_is_accepted()
    {
        // Arrange
        var (businessNumberId, customer, body) = await InboundBody();
        var signature = "sha256=" + MetaWebhook.Sign(body)["sha256=".Length..].ToUpperInvariant();

        // Act
        using var response = await _meta.Send(body, signature);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await _scenario.Conversation(businessNumberId, customer)).WindowOpen);
    }

    [Theory]
    [MemberData(nameof(WrongSignatures))]
    public async Task Post_without_a_valid_signature_is_refused_with_401_and_nothing_is_applied(string why, string? signature)
    {
        // Arrange
        var (businessNumberId, customer, body) = await InboundBody();

        // Act
        using var response = await _meta.Send(body, signature);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        await AssertNothingRecorded(businessNumberId, customer);
    }

    [Fact]
    public async Task Body_changed_after_signing_is_refused_with_401()
    {
        // Arrange
        var (businessNumberId, customer, body) = await InboundBody();
        var signature = MetaWebhook.Sign(body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("hello", "hellO", StringComparison.Ordinal));

        // Act
        using var response = await _meta.Send(tampered, signature);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingRecorded(businessNumberId, customer);
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_signature_is_refused_with_400()
    {
        // Arrange
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":["u8.ToArray();

        // Act
        using var response = await _meta.Send(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("sha256=")]
    [InlineData("sha256=00")]
    public void Signature_check_refuses_short_digests_without_throwing(string header)
    {
        // Act
        var valid = WebhookSignature.IsValid("{}"u8, header, ApiFactory.WebhookAppSecret);

        // Assert
        Assert.False(valid);
    }
}
