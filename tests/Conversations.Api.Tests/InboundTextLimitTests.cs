using System.Net;
using Conversations.Api.Tests.Webhooks;
using Conversations.Testing;
using Grpc.Core;

namespace Conversations.Api.Tests;

/// <summary>
/// A customer's text (or caption) is at most 65,536 characters, WhatsApp's own limit: RecordInbound refuses more, naming
/// the field; a webhook carrying more has that event refused and the POST acknowledged, since Meta's redelivery would
/// meet the same refusal.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InboundTextLimitTests(ApiFactory api)
{
    private const int Limit = 65_536;

    private readonly Scenario _scenario = new(api);
    private readonly MetaWebhook _meta = new(api);

    [Fact]
    public async Task RecordInbound_with_text_over_the_limit_is_refused_as_TEXT_TOO_LONG_on_field_text_and_opens_nothing()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var request = Scenario.Inbound(number.BusinessNumberId, customer, _scenario.Now);
        request.Text = new string('x', Limit + 1);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEXT_TOO_LONG", () => api.Conversations.RecordInboundAsync(request).ResponseAsync);

        // Assert
        Assert.Equal(("text", "65536", "65537"), (info.Metadata["field"], info.Metadata["limit"], info.Metadata["length"]));
        Assert.False((await _scenario.Get(number.BusinessNumberId, customer)).WindowOpen);
    }

    [Fact]
    public async Task RecordInbound_with_text_at_the_limit_is_recorded()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var request = Scenario.Inbound(number.BusinessNumberId, TestNumbers.Customer(), _scenario.Now);
        request.Text = new string('x', Limit);

        // Act
        var response = await api.Conversations.RecordInboundAsync(request);

        // Assert
        Assert.True(response.Conversation.WindowOpen);
    }

    [Fact]
    public async Task A_webhook_message_over_the_limit_is_refused_for_that_event_and_the_post_acknowledged()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.RegisterNumber();
        var (oversized, fine) = (TestNumbers.Customer(), TestNumbers.Customer());
        var sentAt = _scenario.Now.AddMinutes(-1);
        var payload = MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(oversized, sentAt, body: new string('x', Limit + 1)), MetaPayload.Text(fine, sentAt)]);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Rejected("TEXT_TOO_LONG"));
        Assert.False((await _scenario.Get(number.BusinessNumberId, oversized)).WindowOpen);
        Assert.True((await _scenario.Get(number.BusinessNumberId, fine)).WindowOpen);
    }
}
