using Google.Protobuf.WellKnownTypes;
using System.Net;
using System.Text.Json.Nodes;
using Conversations.Api.Webhooks;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// What this code does not understand, or the domain refuses for good, is acknowledged with 200 and counted: an error
/// answer would only make Meta redeliver the same payload for seven days.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookUnknownDataTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    [Fact]
    public async Task Unknown_field_is_acknowledged_counted_and_changes_nothing()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var payload = MetaPayload.Envelope(MetaPayload.Entry("102290129340398",
            MetaPayload.Change("account_review_update", new JsonObject { ["decision"] = "APPROVED" })));

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Ignored(IgnoredEvent.UnknownField));
        Assert.Equal(0, counters.Applied);
    }

    [Theory]
    [InlineData("unsupported")]
    [InlineData("unknown")]
    [InlineData("hologram")]
    public async Task A_message_type_this_code_cannot_show_still_opens_the_window(string type)
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var sentAt = _scenario.Now.AddMinutes(-1);
        var message = MetaPayload.Text(customer, sentAt);
        message.Remove("text");
        message["type"] = type;
        message["errors"] = new JsonArray(new JsonObject { ["code"] = 131051, ["title"] = "Message type unknown" });

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [message]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Applied);
        var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
        Assert.True(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(sentAt)), conversation.LastInboundAt);
    }

    [Fact]
    public async Task Played_status_is_acknowledged_and_leaves_the_message_as_it_was()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var sent = await _scenario.SentText();
        var before = await _scenario.Message(sent);

        // Act
        var status = await _meta.Post(MetaPayload.Messages(sent.Number.BusinessNumberId, statuses: [MetaPayload.Status(sent.Wamid, "played", sent.Customer, _scenario.Now)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Ignored(IgnoredEvent.UnknownStatus));
        Assert.Equal(before, await _scenario.Message(sent));
    }

    [Fact]
    public async Task Status_for_a_message_we_never_sent_is_acknowledged_and_counted()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var (number, customer) = await _scenario.Api.OpenConversation();

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, statuses: [MetaPayload.Status(MetaPayload.NewWamid(), "delivered", customer, _scenario.Now)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Ignored(IgnoredEvent.UnknownMessage));
    }

    [Fact]
    public async Task Inbound_to_an_unregistered_number_is_acknowledged_and_counted_as_rejected()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var unregistered = Conversations.Testing.TestNumbers.BusinessNumberId();

        // Act
        var status = await _meta.Post(MetaPayload.Messages(unregistered, [MetaPayload.Text(WebhookScenario.NewCustomer(), _scenario.Now)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Rejected("UNKNOWN_BUSINESS_NUMBER"));
    }

    [Fact]
    public async Task Event_for_an_unknown_template_is_acknowledged_and_counted_as_rejected()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();

        // Act
        var status = await _meta.Post(MetaPayload.TemplateChange(number.WabaId, "message_template_status_update", "never_created", "en_US", "event", "APPROVED"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Rejected("TEMPLATE_NOT_FOUND"));
    }

    [Fact]
    public async Task Sender_that_is_not_a_phone_number_is_acknowledged_and_counted_as_rejected()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text("not-a-number", _scenario.Now)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Rejected("INVALID_CUSTOMER"));
    }

    [Fact]
    public async Task Unknown_parts_do_not_stop_the_known_ones_of_the_same_post()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var unsupported = MetaPayload.Text(customer, _scenario.Now.AddMinutes(-1));
        unsupported["type"] = "unsupported";
        var payload = MetaPayload.Envelope(MetaPayload.Entry(number.WabaId,
            MetaPayload.Change("account_alerts", new JsonObject { ["entity_type"] = "WABA" }),
            MetaPayload.Change("messages", MetaPayload.MessagesValue(number.BusinessNumberId, [unsupported, MetaPayload.Text(customer, _scenario.Now.AddMinutes(-2))]))));

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((await _scenario.Conversation(number.BusinessNumberId, customer)).WindowOpen);
    }

    [Fact]
    public async Task Json_array_with_a_valid_signature_is_refused_with_400()
    {
        // Act
        using var response = await _meta.Send("[]");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
