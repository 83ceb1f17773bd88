using System.Net;
using Conversations.Api.Tests.Webhooks;
using Conversations.Auth;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Limits;

/// <summary>
/// A WABA opens at most Conversations:Limits:NewConversationsPerMinute conversations a minute with its own first
/// messages (2 here, one every 30 s once spent): Send and StreamSends beyond it are RESOURCE_EXHAUSTED
/// CONVERSATION_QUOTA_EXCEEDED, while a customer writing in through Meta's webhook is always taken.
/// </summary>
public sealed class ConversationQuotaApiTests(QuotaApiFactory api) : IClassFixture<QuotaApiFactory>
{
    private const string Template = "order_update";

    private Task<V1.BusinessNumber> NumberWithTemplate() => new Scenario(api).NumberWithApprovedTemplate(Template);

    private static V1.SendRequest FirstMessage(V1.BusinessNumber number, string? customer = null) =>
        Scenario.Template(number.BusinessNumberId, customer ?? TestNumbers.Customer(), Template, "en_US", "42");

    private async Task<V1.BusinessNumber> SpentWaba()
    {
        var number = await NumberWithTemplate();
        for (var i = 0; i < QuotaApiFactory.NewConversationsPerMinute; i++)
        {
            await api.Conversations.SendAsync(FirstMessage(number));
        }

        return number;
    }

    [Fact]
    public async Task A_first_message_beyond_the_WABAs_minute_is_RESOURCE_EXHAUSTED_CONVERSATION_QUOTA_EXCEEDED_with_retry_after()
    {
        // Arrange
        var number = await SpentWaba();

        // Act
        var info = await Refused.With(StatusCode.ResourceExhausted, "CONVERSATION_QUOTA_EXCEEDED", () => api.Conversations.SendAsync(FirstMessage(number)).ResponseAsync);

        // Assert
        Assert.Equal([("limit", "2"), ("retry_after", "30"), ("waba_id", number.WabaId)], info.Metadata.Select(m => (m.Key, m.Value)).Order());
    }

    [Fact]
    public async Task The_quota_comes_back_as_the_clock_moves_and_another_WABA_never_shared_it()
    {
        // Arrange
        var number = await SpentWaba();
        var other = await NumberWithTemplate();

        // Act
        var elsewhere = await api.Conversations.SendAsync(FirstMessage(other));
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        var afterThirty = await api.Conversations.SendAsync(FirstMessage(number));
        var next = await Refused.With(StatusCode.ResourceExhausted, "CONVERSATION_QUOTA_EXCEEDED", () => api.Conversations.SendAsync(FirstMessage(number)).ResponseAsync);

        // Assert
        Assert.NotEmpty(elsewhere.Receipt.MessageId);
        Assert.NotEmpty(afterThirty.Receipt.MessageId);
        Assert.Equal("30", next.Metadata["retry_after"]);
    }

    [Fact]
    public async Task A_customer_writing_in_through_Metas_webhook_to_a_spent_WABA_is_taken_and_may_be_answered()
    {
        // Arrange
        var number = await SpentWaba();
        var customer = TestNumbers.Customer();
        var webhook = new MetaWebhook(api);

        // Act
        var status = await webhook.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(customer, api.Clock.GetUtcNow())]));
        var reply = await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "Happy to help."));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(reply.Receipt.Conversation.WindowOpen);
    }

    [Fact]
    public async Task A_StreamSends_item_beyond_the_quota_is_refused_in_its_outcome_and_the_stream_goes_on()
    {
        // Arrange
        var number = await NumberWithTemplate();
        var existing = TestNumbers.Customer();
        await api.Conversations.RecordInboundAsync(Scenario.Inbound(number.BusinessNumberId, existing, api.Clock.GetUtcNow()));
        using var call = api.Conversations.StreamSends();

        // Act
        foreach (var (id, customer) in new[] { ("1", TestNumbers.Customer()), ("2", TestNumbers.Customer()), ("3", TestNumbers.Customer()), ("4", existing) })
        {
            await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = id, Request = FirstMessage(number, customer) });
        }

        await call.RequestStream.CompleteAsync();
        var outcomes = await call.ResponseStream.ReadAllAsync().ToListAsync();

        // Assert
        Assert.Equal(2, outcomes.Count(o => o.CorrelationId != "4" && o.Receipt is not null));
        var refused = Assert.Single(outcomes, o => o.Refusal is not null);
        Assert.Equal(("CONVERSATION_QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED"), (refused.Refusal.Reason, refused.Refusal.Status));
        Assert.NotNull(Assert.Single(outcomes, o => o.CorrelationId == "4").Receipt);
    }

    [Fact]
    public async Task A_caller_who_does_not_act_for_the_WABA_is_refused_for_the_WABA_not_told_of_its_quota()
    {
        // Arrange
        var number = await SpentWaba();
        using var channel = api.ChannelWith(ApiFactory.Token(Scopes.All, [TestNumbers.WabaId()]));
        using var anonymous = api.ChannelWith(token: null);

        // Act
        var info = await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () =>
            new V1.ConversationsService.ConversationsServiceClient(channel).SendAsync(FirstMessage(number)).ResponseAsync);
        await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () =>
            new V1.ConversationsService.ConversationsServiceClient(anonymous).SendAsync(FirstMessage(number)).ResponseAsync);

        // Assert
        Assert.Equal("business_number_id", info.Metadata["field"]);
        Assert.DoesNotContain("retry_after", info.Metadata.Keys);
    }
}
