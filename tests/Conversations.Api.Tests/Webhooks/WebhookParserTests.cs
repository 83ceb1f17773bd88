using System.Text;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;
using Conversations.Api.Webhooks;
using Conversations.Api.Webhooks.Events;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Meta's envelope into events, without a host: every shape the spec names, and what is ignored instead.</summary>
public sealed class WebhookParserTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 8, 20, 59, 43, TimeSpan.Zero);

    private static WebhookBatch Parse(string json) => Assert.IsType<WebhookBatch>(WebhookParser.Parse(Encoding.UTF8.GetBytes(json)));

    private static WebhookBatch Parse(JsonNode payload) => Parse(payload.ToJsonString());

    private static JsonObject WithMessage(JsonObject message) => MetaPayload.Messages("106540352242922", [message]);

    [Theory]
    [MemberData(nameof(MetaFixtures.All), MemberType = typeof(MetaFixtures))]
    public void Every_fixture_parses_into_events_with_nothing_ignored(string file, string json)
    {
        // Act
        var batch = Parse(json);

        // Assert
        Assert.True(batch.Events.Count > 0, file);
        Assert.Empty(batch.Ignored);
    }

    [Fact]
    public void Inbound_text_fixture_reads_number_sender_wamid_time_type_and_text()
    {
        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(MetaFixtures.InboundText).Events));

        // Assert
        Assert.Equal("106540352242922", inbound.BusinessNumberId);
        Assert.Equal("16505551234", inbound.Customer);
        Assert.Equal(
            new InboundMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", DateTimeOffset.FromUnixTimeSeconds(1749416383), InboundMessageType.Text, "Does it come in another color?"),
            inbound.Message);
    }

    [Fact]
    public void Status_sent_fixture_reads_recipient_and_pricing()
    {
        // Act
        var status = Assert.IsType<MessageStatusReported>(Assert.Single(Parse(MetaFixtures.StatusSentMarketing).Events));

        // Assert
        Assert.Equal("16505551234", status.Customer);
        Assert.Equal(
            new StatusUpdate("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", MessageStatus.Sent, DateTimeOffset.FromUnixTimeSeconds(1750030073), null, new PricingReport(true, "PMP", "regular", "marketing")),
            status.Update);
    }

    [Fact]
    public void Status_failed_fixture_reads_metas_error()
    {
        // Act
        var status = Assert.IsType<MessageStatusReported>(Assert.Single(Parse(MetaFixtures.StatusFailed131049).Events));

        // Assert
        Assert.Equal(MessageStatus.Failed, status.Update.Status);
        Assert.Equal(
            new MetaError(131049, "This message was not delivered to maintain healthy ecosystem engagement.", "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."),
            status.Update.Error);
    }

    [Fact]
    public void Template_status_fixture_reads_the_waba_from_the_entry()
    {
        // Act
        var change = Assert.IsType<TemplateStatusChanged>(Assert.Single(Parse(MetaFixtures.TemplateStatusApproved).Events));

        // Assert
        Assert.Equal(new TemplateStatusChanged("102290129340398", "order_confirmation", "en_US", TemplateStatus.Approved), change with { Raw = "" });
        Assert.Equal("APPROVED", (string?)JsonNode.Parse(change.Raw)!["event"]);
    }

    [Theory]
    [InlineData("IN_APPEAL", TemplateStatus.InAppeal)]
    [InlineData("PENDING_DELETION", TemplateStatus.PendingDeletion)]
    [InlineData("LIMIT_EXCEEDED", TemplateStatus.LimitExceeded)]
    [InlineData("PAUSED", TemplateStatus.Paused)]
    [InlineData("DISABLED", TemplateStatus.Disabled)]
    [InlineData("REINSTATED", TemplateStatus.Reinstated)]
    public void Template_events_are_read_in_metas_spelling(string metaEvent, TemplateStatus expected)
    {
        // Act
        var batch = Parse(MetaPayload.TemplateChange("1", "message_template_status_update", "t", "en", "event", metaEvent));

        // Assert
        Assert.Equal(expected, Assert.IsType<TemplateStatusChanged>(Assert.Single(batch.Events)).Status);
    }

    [Fact]
    public void Template_category_and_quality_updates_are_read()
    {
        // Act
        var category = Parse(MetaPayload.TemplateChange("1", "template_category_update", "t", "en", "new_category", "MARKETING"));
        var quality = Parse(MetaPayload.TemplateChange("1", "message_template_quality_update", "t", "en", "new_quality_score", "YELLOW"));

        // Assert
        Assert.Equal(new TemplateCategoryChanged("1", "t", "en", TemplateCategory.Marketing), Assert.Single(category.Events) with { Raw = "" });
        Assert.Equal(new TemplateQualityChanged("1", "t", "en", TemplateQuality.Yellow), Assert.Single(quality.Events) with { Raw = "" });
    }

    [Theory]
    [InlineData("stop", true)]
    [InlineData("resume", false)]
    public void User_preferences_for_marketing_are_read(string choice, bool optedOut)
    {
        // Act
        var batch = Parse(MetaPayload.UserPreference("106540352242922", "16505551234", choice, At));

        // Assert
        Assert.Equal(new MarketingPreferenceChanged("106540352242922", "16505551234", optedOut, At), Assert.Single(batch.Events) with { Raw = "" });
    }

    [Theory]
    [InlineData("text", InboundMessageType.Text)]
    [InlineData("image", InboundMessageType.Image)]
    [InlineData("audio", InboundMessageType.Audio)]
    [InlineData("video", InboundMessageType.Video)]
    [InlineData("document", InboundMessageType.Document)]
    [InlineData("sticker", InboundMessageType.Sticker)]
    [InlineData("location", InboundMessageType.Location)]
    [InlineData("contacts", InboundMessageType.Contacts)]
    [InlineData("interactive", InboundMessageType.Interactive)]
    [InlineData("button", InboundMessageType.Button)]
    [InlineData("order", InboundMessageType.Order)]
    [InlineData("reaction", InboundMessageType.Reaction)]
    [InlineData("call", InboundMessageType.Call)]
    public void Every_inbound_type_is_read(string type, InboundMessageType expected)
    {
        // Arrange
        var message = MetaPayload.Text("16505551234", At);
        message["type"] = type;

        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(WithMessage(message)).Events));

        // Assert
        Assert.Equal(expected, inbound.Message.Type);
    }

    [Fact]
    public void Tapped_reply_and_caption_are_read_as_the_messages_text()
    {
        // Arrange
        var reply = MetaPayload.Text("16505551234", At);
        reply.Remove("text");
        reply["type"] = "interactive";
        reply["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "yes", ["title"] = "Yes please" } };
        var image = MetaPayload.Text("16505551235", At);
        image.Remove("text");
        image["type"] = "image";
        image["image"] = new JsonObject { ["id"] = "1", ["mime_type"] = "image/jpeg", ["caption"] = "This one" };

        // Act
        var batch = Parse(MetaPayload.Messages("106540352242922", [reply, image]));

        // Assert
        Assert.Equal(["Yes please", "This one"], batch.Events.Cast<InboundMessageReceived>().Select(e => e.Message.Text));
    }

    [Fact]
    public void Referral_and_business_scoped_user_id_are_carried_to_the_message()
    {
        // Arrange
        var message = MetaPayload.Text("16505551234", At);
        message["referral"] = new JsonObject { ["source_url"] = "https://fb.me/x", ["source_type"] = "ad", ["source_id"] = "1" };
        var payload = WithMessage(message);
        payload["entry"]![0]!["changes"]![0]!["value"]!["contacts"]![0]!["user_id"] = "US.13491208655302741918";

        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(payload).Events));

        // Assert
        Assert.Equal("ad", inbound.Message.ReferralSourceType);
        Assert.Equal("US.13491208655302741918", inbound.Message.UserId);
    }

    [Fact]
    public void Timestamp_may_be_a_json_number()
    {
        // Arrange
        var message = MetaPayload.Text("16505551234", At);
        message["timestamp"] = At.ToUnixTimeSeconds();

        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(WithMessage(message)).Events));

        // Assert
        Assert.Equal(At, inbound.Message.SentAt);
    }

    [Theory]
    [InlineData("unsupported")]
    [InlineData("unknown")]
    [InlineData("hologram")]
    public void Inbound_type_this_code_does_not_know_is_an_unsupported_message(string type)
    {
        // Arrange
        var message = MetaPayload.Text("16505551234", At);
        message["type"] = type;

        // Act
        var batch = Parse(WithMessage(message));

        // Assert
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(batch.Events));
        Assert.Equal(InboundMessageType.Unsupported, inbound.Message.Type);
        Assert.Empty(batch.Ignored);
    }

    [Fact]
    public void System_message_is_ignored()
    {
        // Arrange
        var message = MetaPayload.Text("16505551234", At);
        message["type"] = "system";

        // Act
        var batch = Parse(WithMessage(message));

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(IgnoredEvent.SystemMessage, Assert.Single(batch.Ignored).Reason);
    }

    [Fact]
    public void User_initiated_call_fixture_is_an_inbound_call_from_the_caller()
    {
        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(MetaFixtures.CallConnectUserInitiated).Events));

        // Assert
        Assert.Equal("106540352242922", inbound.BusinessNumberId);
        Assert.Equal("16315551181", inbound.Customer);
        Assert.Equal(InboundMessageType.Call, inbound.Message.Type);
        Assert.Equal("wacid.HBgLMTYzMTU1NTExODEVAgARGBIwMDAwMDAwMDAwMDAwMDAwMDEA", inbound.Message.MessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1788000120), inbound.Message.SentAt);
        Assert.Equal("US.13491208655302741918", inbound.Message.UserId);
    }

    [Theory]
    [InlineData("terminate", "USER_INITIATED")]
    [InlineData("connect", "BUSINESS_INITIATED")]
    public void Call_event_that_is_not_a_customer_calling_is_ignored(string name, string direction)
    {
        // Arrange
        var payload = JsonNode.Parse(MetaFixtures.CallConnectUserInitiated)!;
        var call = payload["entry"]![0]!["changes"]![0]!["value"]!["calls"]![0]!;
        call["event"] = name;
        call["direction"] = direction;

        // Act
        var batch = Parse(payload);

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(IgnoredEvent.CallEvent, Assert.Single(batch.Ignored).Reason);
    }

    [Theory]
    [InlineData("played")]
    [InlineData("deleted")]
    public void Status_the_log_does_not_track_is_ignored(string status)
    {
        // Act
        var batch = Parse(MetaPayload.Messages("106540352242922", statuses: [MetaPayload.Status("wamid.1", status, "16505551234", At)]));

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(IgnoredEvent.UnknownStatus, Assert.Single(batch.Ignored).Reason);
    }

    [Fact]
    public void Unknown_field_is_ignored()
    {
        // Act
        var batch = Parse(MetaPayload.Envelope(MetaPayload.Entry("1", MetaPayload.Change("account_review_update", new JsonObject { ["decision"] = "APPROVED" }))));

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(new IgnoredEvent(IgnoredEvent.UnknownField, "field 'account_review_update'"), Assert.Single(batch.Ignored));
    }

    [Fact]
    public void An_account_update_event_that_restricts_nothing_is_ignored_as_an_unknown_account_event()
    {
        // Act
        var batch = Parse(MetaPayload.Envelope(MetaPayload.Entry("1", MetaPayload.Change("account_update", new JsonObject { ["event"] = "VERIFIED_ACCOUNT" }))));

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(new IgnoredEvent(IgnoredEvent.UnknownAccountEvent, "account_update 'VERIFIED_ACCOUNT'"), Assert.Single(batch.Ignored));
    }

    [Theory]
    [InlineData("10000", "10000")]
    [InlineData("-1", "unlimited")]
    [InlineData("\"TIER_2K\"", "2000")]
    [InlineData("\"TIER_UNLIMITED\"", "unlimited")]
    [InlineData("100000", "100000")]
    public void A_capability_update_reads_Metas_spellings_of_a_messaging_limit(string json, string expected)
    {
        // Act
        var batch = Parse(MetaPayload.Envelope(MetaPayload.Entry("1", MetaPayload.Change("business_capability_update", new JsonObject
        {
            ["max_daily_conversations_per_business"] = JsonNode.Parse(json),
        }))));

        // Assert
        Assert.Equal(new MessagingLimitChanged("1", expected), Assert.Single(batch.Events));
        Assert.Empty(batch.Ignored);
    }

    [Theory]
    [InlineData("""{"object":"page","entry":[]}""", IgnoredEvent.UnknownObject)]
    [InlineData("""{"object":"whatsapp_business_account","entry":"everything"}""", IgnoredEvent.Malformed)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":[]}]}]}""", IgnoredEvent.Malformed)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"16505551234","type":"text","id":"w","timestamp":"yesterday"}]}}]}]}""", IgnoredEvent.Malformed)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"template_category_update","value":{"new_category":"SPAM"}}]}]}""", IgnoredEvent.UnknownCategory)]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"message_template_quality_update","value":{"new_quality_score":"PURPLE"}}]}]}""", IgnoredEvent.UnknownQuality)]
    public void Unexpected_shapes_below_the_envelope_are_ignored_not_refused(string json, string reason)
    {
        // Act
        var batch = Parse(json);

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(reason, Assert.Single(batch.Ignored).Reason);
    }

    [Fact]
    public void Preference_other_than_marketing_stop_or_resume_is_ignored()
    {
        // Act
        var batch = Parse(MetaPayload.UserPreference("106540352242922", "16505551234", "stop", At, category: "service_messages"));

        // Assert
        Assert.Empty(batch.Events);
        Assert.Equal(IgnoredEvent.UnknownPreference, Assert.Single(batch.Ignored).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"object\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\"whatsapp_business_account\"")]
    public void Body_that_is_not_a_json_object_is_malformed(string body)
    {
        // Act
        var batch = WebhookParser.Parse(Encoding.UTF8.GetBytes(body));

        // Assert
        Assert.Null(batch);
    }

    [Fact]
    public void Username_only_inbound_fixture_is_an_inbound_message_named_by_its_business_scoped_user_id()
    {
        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(MetaFixtures.InboundTextUsernameOnly).Events));

        // Assert
        Assert.Equal("106540352242922", inbound.BusinessNumberId);
        Assert.Null(inbound.Customer);
        Assert.Equal("US.13491208655302741918", inbound.CustomerUserId);
        Assert.Equal("US.13491208655302741918", inbound.Message.UserId);
        Assert.Null(inbound.Message.Phone);
        Assert.Equal("Hi, is my order shipped?", inbound.Message.Text);
    }

    [Fact]
    public void Phone_and_bsuid_inbound_fixture_names_the_customer_by_both()
    {
        // Act
        var inbound = Assert.IsType<InboundMessageReceived>(Assert.Single(Parse(MetaFixtures.InboundTextPhoneAndBsuid).Events));

        // Assert
        Assert.Equal("16315551181", inbound.Customer);
        Assert.Equal("US.13491208655302741918", inbound.CustomerUserId);
        Assert.Equal("16315551181", inbound.Message.Phone);
        Assert.Equal("US.13491208655302741918", inbound.Message.UserId);
    }

    [Fact]
    public void Status_naming_only_a_business_scoped_recipient_is_a_status_of_that_customer()
    {
        // Arrange
        var status = MetaPayload.Status("wamid.1", "delivered", "16315551181", At);
        status.Remove("recipient_id");
        status["recipient_user_id"] = "US.13491208655302741918";

        // Act
        var reported = Assert.IsType<MessageStatusReported>(Assert.Single(Parse(MetaPayload.Messages("106540352242922", statuses: [status])).Events));

        // Assert
        Assert.Null(reported.Customer);
        Assert.Equal("US.13491208655302741918", reported.CustomerUserId);
        Assert.Equal("wamid.1", reported.Update.Wamid);
    }

    [Fact]
    public void Status_to_a_group_is_unapplied_as_a_group_recipient()
    {
        // Arrange
        var status = MetaPayload.Status("wamid.1", "delivered", "120363040000000001", At);
        status["recipient_type"] = "group";

        // Act
        var batch = Parse(MetaPayload.Messages("106540352242922", statuses: [status]));

        // Assert
        Assert.Equal(UnappliedEvent.GroupRecipient, Assert.IsType<UnappliedEvent>(Assert.Single(batch.Events)).Reason);
    }
}
