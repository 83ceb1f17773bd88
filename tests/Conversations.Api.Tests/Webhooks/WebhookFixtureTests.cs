using System.Net;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Each payload of the spec's fixtures, with this test's numbers and ids, has its effect.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookFixtureTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    private static JsonNode ValueOf(JsonNode payload) => payload["entry"]![0]!["changes"]![0]!["value"]!;

    [Fact]
    public async Task Inbound_text_fixture_opens_the_customers_window()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var sentAt = _scenario.Now.AddMinutes(-1);
        var payload = JsonNode.Parse(MetaFixtures.InboundText)!;
        var value = ValueOf(payload);
        value["metadata"]!["phone_number_id"] = number.BusinessNumberId;
        value["contacts"]![0]!["wa_id"] = customer;
        value["messages"]![0]!["from"] = customer;
        value["messages"]![0]!["id"] = MetaPayload.NewWamid();
        value["messages"]![0]!["timestamp"] = MetaPayload.Seconds(sentAt);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
        Assert.True(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(sentAt)), conversation.LastInboundAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(sentAt).AddHours(24)), conversation.WindowExpiresAt);
    }

    [Fact]
    public async Task Status_sent_marketing_fixture_marks_the_message_sent_with_its_pricing()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var at = _scenario.Now;
        var payload = JsonNode.Parse(MetaFixtures.StatusSentMarketing)!;
        var value = ValueOf(payload);
        value["metadata"]!["phone_number_id"] = sent.Number.BusinessNumberId;
        value["statuses"]![0]!["id"] = sent.Wamid;
        value["statuses"]![0]!["recipient_id"] = sent.Customer;
        value["statuses"]![0]!["timestamp"] = MetaPayload.Seconds(at);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var message = await _scenario.Message(sent);
        Assert.Equal(V1.MessageStatus.Sent, message.Status);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(at)), message.SentAt);
        Assert.Equal(new V1.Pricing { Billable = true, PricingModel = "PMP", Type = "regular", Category = "marketing" }, message.Pricing);
    }

    [Fact]
    public async Task Status_failed_131049_fixture_fails_the_message_and_holds_marketing_back_for_24h()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var at = _scenario.Now;
        var payload = JsonNode.Parse(MetaFixtures.StatusFailed131049)!;
        var value = ValueOf(payload);
        value["metadata"]!["phone_number_id"] = sent.Number.BusinessNumberId;
        value["statuses"]![0]!["id"] = sent.Wamid;
        value["statuses"]![0]!["recipient_id"] = sent.Customer;
        value["statuses"]![0]!["timestamp"] = MetaPayload.Seconds(at);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var message = await _scenario.Message(sent);
        Assert.Equal(V1.MessageStatus.Failed, message.Status);
        Assert.Equal(131049, message.MetaError.Code);
        Assert.Equal("This message was not delivered to maintain healthy ecosystem engagement.", message.MetaError.Title);
        Assert.StartsWith("In order to maintain a healthy ecosystem engagement", message.MetaError.Details);
        var conversation = await _scenario.Conversation(sent.Number.BusinessNumberId, sent.Customer);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(at).AddHours(24)), conversation.MarketingSuppressedUntil);
    }

    [Fact]
    public async Task Template_status_approved_fixture_approves_the_pending_template()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = number.WabaId,
            Name = "order_confirmation",
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = V1.TemplateStatus.Pending,
            Body = "Your order {{1}} is confirmed",
        });
        var payload = JsonNode.Parse(MetaFixtures.TemplateStatusApproved)!;
        payload["entry"]![0]!["id"] = number.WabaId;

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var template = (await api.Templates.GetTemplateAsync(new V1.GetTemplateRequest { WabaId = number.WabaId, Name = "order_confirmation", Language = "en_US" })).Template;
        Assert.Equal(V1.TemplateStatus.Approved, template.Status);
    }
}
