using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Webhooks that change what may be sent next: Meta's error codes, the customer's preferences, template events.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookVerdictTests(ApiFactory api)
{
    private const string TemplateName = "shipping_update";

    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    private Task<V1.BusinessNumber> NumberWithTemplate() => _scenario.Api.NumberWithApprovedTemplate(TemplateName, "Your parcel {{1}} is on its way");

    private async Task<V1.Template> Template(V1.BusinessNumber number) =>
        (await api.Templates.GetTemplateAsync(new V1.GetTemplateRequest { WabaId = number.WabaId, Name = TemplateName, Language = "en_US" })).Template;

    [Fact]
    public async Task Failed_131047_status_closes_the_window()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var payload = MetaPayload.Messages(sent.Number.BusinessNumberId, statuses: [MetaPayload.Status(sent.Wamid, "failed", sent.Customer, _scenario.Now, 131047)]);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((await _scenario.Conversation(sent.Number.BusinessNumberId, sent.Customer)).WindowOpen);
        Assert.Equal(V1.MessageStatus.Failed, (await _scenario.Message(sent)).Status);
    }

    [Fact]
    public async Task User_preference_stop_opts_the_customer_out_of_marketing_and_resume_opts_back_in()
    {
        // Arrange
        var (number, customer) = await _scenario.Api.OpenConversation();
        var stoppedAt = _scenario.Now.AddMinutes(-10);

        // Act
        var stop = await _meta.Post(MetaPayload.UserPreference(number.BusinessNumberId, customer, "stop", stoppedAt));
        var afterStop = await _scenario.Conversation(number.BusinessNumberId, customer);
        var resume = await _meta.Post(MetaPayload.UserPreference(number.BusinessNumberId, customer, "resume", stoppedAt.AddMinutes(5)));
        var lateStop = await _meta.Post(MetaPayload.UserPreference(number.BusinessNumberId, customer, "stop", stoppedAt));

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { stop, resume, lateStop });
        Assert.True(afterStop.MarketingOptedOut);
        Assert.False((await _scenario.Conversation(number.BusinessNumberId, customer)).MarketingOptedOut);
    }

    [Fact]
    public async Task Template_paused_by_webhook_is_refused_with_TEMPLATE_PAUSED()
    {
        // Arrange
        var number = await NumberWithTemplate();
        var payload = MetaPayload.TemplateChange(number.WabaId, "message_template_status_update", TemplateName, "en_US", "event", "PAUSED");

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var info = await Refused.With(StatusCode.FailedPrecondition, "TEMPLATE_PAUSED",
            () => api.Conversations.SendAsync(Scenario.Template(number.BusinessNumberId, WebhookScenario.NewCustomer(), TemplateName, "en_US", "P-1")).ResponseAsync);
        Assert.Equal("132015", info.Metadata["whatsapp_code"]);
    }

    [Fact]
    public async Task Template_category_update_recategorizes_the_template()
    {
        // Arrange
        var number = await NumberWithTemplate();

        // Act
        var status = await _meta.Post(MetaPayload.TemplateChange(number.WabaId, "template_category_update", TemplateName, "en_US", "new_category", "MARKETING"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(V1.TemplateCategory.Marketing, (await Template(number)).Category);
    }

    [Fact]
    public async Task Template_quality_update_records_the_new_score()
    {
        // Arrange
        var number = await NumberWithTemplate();

        // Act
        var status = await _meta.Post(MetaPayload.TemplateChange(number.WabaId, "message_template_quality_update", TemplateName, "en_US", "new_quality_score", "RED"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(V1.TemplateQuality.Red, (await Template(number)).Quality);
    }

    [Fact]
    public async Task Inbound_through_an_ad_marks_a_free_entry_point()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var sentAt = _scenario.Now.AddMinutes(-3);
        var message = MetaPayload.Text(customer, sentAt);
        message["referral"] = new System.Text.Json.Nodes.JsonObject { ["source_url"] = "https://fb.me/ad", ["source_type"] = "ad", ["source_id"] = "120" };

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [message]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(sentAt)), (await _scenario.Conversation(number.BusinessNumberId, customer)).LastReferralAt);
    }
}
