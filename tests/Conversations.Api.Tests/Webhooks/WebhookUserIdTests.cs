using System.Net;
using System.Text.Json.Nodes;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// Customers Meta names by business-scoped user id (BSUID): a username user with no phone number is recorded and opens
/// the window; a webhook showing both ids links them, and from then on either id reaches the one conversation.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookUserIdTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    private static JsonNode ValueOf(JsonNode payload) => payload["entry"]![0]!["changes"]![0]!["value"]!;

    /// <summary>The fixture with this test's number, customer ids and a send time a minute ago.</summary>
    private JsonNode Fixture(string json, string businessNumberId, string userId, string? phone = null)
    {
        var payload = JsonNode.Parse(json)!;
        var value = ValueOf(payload);
        value["metadata"]!["phone_number_id"] = businessNumberId;
        value["contacts"]![0]!["user_id"] = userId;
        var message = value["messages"]![0]!;
        message["from_user_id"] = userId;
        message["id"] = MetaPayload.NewWamid();
        message["timestamp"] = MetaPayload.Seconds(_scenario.Now.AddMinutes(-1));
        if (phone is not null)
        {
            value["contacts"]![0]!["wa_id"] = phone;
            message["from"] = phone;
        }

        return payload;
    }

    private JsonNode UsernameOnly(string businessNumberId, string userId) => Fixture(MetaFixtures.InboundTextUsernameOnly, businessNumberId, userId);

    private JsonNode PhoneAndUserId(string businessNumberId, string userId, string phone) =>
        Fixture(MetaFixtures.InboundTextPhoneAndBsuid, businessNumberId, userId, phone);

    private async Task<V1.Conversation> ByUserId(string businessNumberId, string userId) =>
        (await api.Conversations.GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = businessNumberId, CustomerUserId = userId })).Conversation;

    [Fact]
    public async Task Username_only_inbound_fixture_is_recorded_and_opens_the_window()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var userId = TestUserIds.Customer();

        // Act
        var status = await _meta.Post(UsernameOnly(number.BusinessNumberId, userId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Applied);
        Assert.Empty((await api.BusinessNumbers.ListDeadLettersAsync(new V1.ListDeadLettersRequest { BusinessNumberId = number.BusinessNumberId })).DeadLetters);
        var conversation = await ByUserId(number.BusinessNumberId, userId);
        Assert.True(conversation.WindowOpen);
        Assert.Equal("", conversation.Customer);
        Assert.Equal(userId, conversation.CustomerUserId);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(_scenario.Now.AddMinutes(-1))), conversation.LastInboundAt);
    }

    [Fact]
    public async Task Phone_and_bsuid_fixture_is_one_conversation_reached_by_either_id()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());

        // Act
        var status = await _meta.Post(PhoneAndUserId(number.BusinessNumberId, userId, phone));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var byPhone = await _scenario.Conversation(number.BusinessNumberId, phone);
        var byUserId = await ByUserId(number.BusinessNumberId, userId);
        Assert.Equal(byPhone, byUserId);
        Assert.True(byPhone.WindowOpen);
        Assert.Equal((phone, userId), (byPhone.Customer, byPhone.CustomerUserId));
    }

    [Fact]
    public async Task A_bsuid_seen_first_keeps_its_conversation_once_a_webhook_shows_the_phone_number_too()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());
        await _meta.Post(UsernameOnly(number.BusinessNumberId, userId));
        var sent = (await api.Conversations.SendAsync(new V1.SendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            CustomerUserId = userId,
            IdempotencyKey = Scenario.NewKey(),
            Text = new V1.TextContent { Body = "It shipped yesterday" },
        })).Receipt;

        // Act
        await _meta.Post(PhoneAndUserId(number.BusinessNumberId, userId, phone));
        var replied = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, phone, "Anything else?"))).Receipt;

        // Assert
        var byPhone = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, Customer = phone });
        var byUserId = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, CustomerUserId = userId });
        Assert.Equal([replied.MessageId, sent.MessageId], byPhone.Messages.Select(m => m.MessageId));
        Assert.Equal(byPhone, byUserId);
        Assert.Equal((phone, userId), (replied.Conversation.Customer, replied.Conversation.CustomerUserId));
        Assert.Equal(2, api.WhatsApp.SentTo(userId).Count());
        Assert.Empty(api.WhatsApp.SentTo(phone));
    }

    [Fact]
    public async Task Status_naming_only_the_recipients_bsuid_reaches_the_message_sent_to_it()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var userId = TestUserIds.Customer();
        await _meta.Post(UsernameOnly(number.BusinessNumberId, userId));
        var sent = (await api.Conversations.SendAsync(new V1.SendRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            CustomerUserId = userId,
            IdempotencyKey = Scenario.NewKey(),
            Text = new V1.TextContent { Body = "It shipped yesterday" },
        })).Receipt;
        var reported = MetaPayload.Status(sent.Wamid, "delivered", "unused", _scenario.Now);
        reported.Remove("recipient_id");
        reported["recipient_user_id"] = userId;

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, statuses: [reported]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, counters.DeadLettered("INVALID_CUSTOMER"));
        var log = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, CustomerUserId = userId });
        Assert.Equal(V1.MessageStatus.Delivered, Assert.Single(log.Messages).Status);
    }

    [Fact]
    public async Task A_bsuid_webhook_on_a_conversation_kept_by_phone_number_links_to_it()
    {
        // Arrange: a conversation from before BSUIDs, keyed by phone number.
        var (number, phone) = await _scenario.Api.OpenConversation();
        var userId = TestUserIds.Customer();

        // Act
        await _meta.Post(PhoneAndUserId(number.BusinessNumberId, userId, phone));
        await _meta.Post(UsernameOnly(number.BusinessNumberId, userId));

        // Assert
        var byUserId = await ByUserId(number.BusinessNumberId, userId);
        Assert.Equal((phone, userId), (byUserId.Customer, byUserId.CustomerUserId));
        Assert.Equal(byUserId, await _scenario.Conversation(number.BusinessNumberId, phone));
    }
    [Fact]
    public async Task A_status_naming_only_the_phone_number_of_a_bsuid_first_customer_reaches_their_conversation()
    {
        // Arrange: a username user later shown with their phone number; an authentication template goes to the phone.
        var number = await _scenario.Api.RegisterNumber();
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = number.WabaId,
            Name = "login_code",
            Language = "en_US",
            Category = V1.TemplateCategory.Authentication,
            Status = V1.TemplateStatus.Approved,
            Body = "{{1}} is your verification code.",
        });
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());
        await _meta.Post(UsernameOnly(number.BusinessNumberId, userId));
        await _meta.Post(PhoneAndUserId(number.BusinessNumberId, userId, phone));
        var request = Scenario.Template(number.BusinessNumberId, "", "login_code", "en_US", "123456");
        request.CustomerUserId = userId;
        var sent = (await api.Conversations.SendAsync(request)).Receipt;

        // Act: Meta reports it by recipient_id, as for any send to a phone number.
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, statuses: [MetaPayload.Status(sent.Wamid, "delivered", phone, _scenario.Now)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(api.WhatsApp.SentTo(phone));
        var log = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, CustomerUserId = userId });
        Assert.Equal(V1.MessageStatus.Delivered, Assert.Single(log.Messages).Status);
    }
}
