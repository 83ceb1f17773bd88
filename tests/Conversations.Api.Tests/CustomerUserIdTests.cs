using Conversations.Auth;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// The gRPC contract's second customer id, customer_user_id (a BSUID): accepted alone or with customer, validated
/// precisely, authorized like customer, and one person to the messaging limit whichever id a send names.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerUserIdTests(ApiFactory api)
{
    private const string LoginCode = "login_code";

    private readonly Scenario _scenario = new(api);

    private static V1.RecordInboundRequest Inbound(string businessNumberId, string? phone, string userId, DateTimeOffset sentAt)
    {
        var request = Scenario.Inbound(businessNumberId, phone ?? "", sentAt);
        request.CustomerUserId = userId;
        return request;
    }

    private static V1.SendRequest Template(string businessNumberId, string? phone, string? userId, string name, params string[] parameters)
    {
        var request = Scenario.Template(businessNumberId, phone ?? "", name, "en_US", parameters);
        request.CustomerUserId = userId ?? "";
        return request;
    }

    private async Task<V1.BusinessNumber> NumberWithLoginCode()
    {
        var number = await _scenario.RegisterNumber();
        await api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = number.WabaId,
            Name = LoginCode,
            Language = "en_US",
            Category = V1.TemplateCategory.Authentication,
            Status = V1.TemplateStatus.Approved,
            Body = "{{1}} is your verification code.",
        });
        return number;
    }

    [Fact]
    public async Task RecordInbound_with_only_a_bsuid_opens_the_window_and_shows_it()
    {
        var number = await _scenario.RegisterNumber();
        var userId = TestUserIds.Customer();

        var conversation = (await api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, null, userId, _scenario.Now.AddMinutes(-1)))).Conversation;

        Assert.True(conversation.WindowOpen);
        Assert.Equal(("", userId), (conversation.Customer, conversation.CustomerUserId));
    }

    [Fact]
    public async Task Authentication_template_to_a_bsuid_only_customer_is_refused_with_131062_before_meta()
    {
        var number = await NumberWithLoginCode();
        var userId = TestUserIds.Customer();

        var info = await Refused.With(StatusCode.FailedPrecondition, "USER_ID_RECIPIENT_UNSUPPORTED",
            () => api.Conversations.SendAsync(Template(number.BusinessNumberId, null, userId, LoginCode, "123456")).ResponseAsync);

        Assert.Equal("131062", info.Metadata["whatsapp_code"]);
        Assert.Empty(api.WhatsApp.SentTo(userId));
    }

    [Fact]
    public async Task Authentication_template_to_a_bsuid_first_customer_whose_phone_is_known_goes_to_the_phone_number()
    {
        var number = await NumberWithLoginCode();
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());
        await api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, null, userId, _scenario.Now.AddMinutes(-2)));
        await api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, phone, userId, _scenario.Now.AddMinutes(-1)));

        var receipt = (await api.Conversations.SendAsync(Template(number.BusinessNumberId, null, userId, LoginCode, "123456"))).Receipt;

        Assert.Equal(V1.TemplateCategory.Authentication, receipt.TemplateCategory);
        Assert.Single(api.WhatsApp.SentTo(phone));
        Assert.Empty(api.WhatsApp.SentTo(userId));
    }

    [Fact]
    public async Task The_messaging_limit_counts_one_person_once_whichever_id_a_send_names()
    {
        var number = await _scenario.NumberWithApprovedTemplate("order_update");
        await api.BusinessNumbers.SetMessagingLimitAsync(new V1.SetMessagingLimitRequest { PortfolioId = number.PortfolioId, Tier = "250" });
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());

        // Linked by a message old enough that its window is over: both templates below are business-initiated.
        await api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, phone, userId, _scenario.Now.AddHours(-25)));
        await api.Conversations.SendAsync(Template(number.BusinessNumberId, phone, null, "order_update", "1"));
        await api.Conversations.SendAsync(Template(number.BusinessNumberId, null, userId, "order_update", "2"));

        var limit = (await api.BusinessNumbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = number.PortfolioId })).MessagingLimit;
        Assert.Equal(1, limit.Used);
    }

    [Theory]
    [InlineData("13491208655302741918", "customer_user_id")]
    [InlineData("U1.13491208655302741918", "customer_user_id")]
    [InlineData("US.ENT.11815799212886844830", "customer_user_id")]
    [InlineData("US.1349-1208", "customer_user_id")]
    public async Task A_malformed_bsuid_is_INVALID_CUSTOMER_naming_its_field_and_records_nothing(string userId, string field)
    {
        var number = await _scenario.RegisterNumber();

        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_CUSTOMER",
            () => api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, null, userId, _scenario.Now)).ResponseAsync);

        Assert.Equal(field, info.Metadata["field"]);
    }

    [Fact]
    public async Task A_bsuid_longer_than_128_characters_after_the_country_is_INVALID_CUSTOMER()
    {
        var number = await _scenario.RegisterNumber();

        await Refused.With(StatusCode.InvalidArgument, "INVALID_CUSTOMER",
            () => api.Conversations.SendAsync(Template(number.BusinessNumberId, null, "US." + new string('1', 129), "order_update", "1")).ResponseAsync);
    }

    [Fact]
    public async Task Neither_customer_nor_customer_user_id_is_MISSING_FIELD_customer()
    {
        var number = await _scenario.RegisterNumber();

        var info = await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD",
            () => api.Conversations.GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = number.BusinessNumberId }).ResponseAsync);

        Assert.Equal("customer", info.Metadata["field"]);
    }

    [Fact]
    public async Task A_phone_number_and_a_bsuid_of_two_linked_customers_are_CUSTOMER_IDS_DISAGREE_and_change_nothing()
    {
        var number = await _scenario.RegisterNumber();
        var (userId, phone, other) = (TestUserIds.Customer(), TestNumbers.Customer(), TestNumbers.Customer());
        await api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, phone, userId, _scenario.Now.AddMinutes(-1)));

        var info = await Refused.With(StatusCode.FailedPrecondition, "CUSTOMER_IDS_DISAGREE",
            () => api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, other, userId, _scenario.Now)).ResponseAsync);

        Assert.Equal("customer_user_id", info.Metadata["field"]);
        var conversation = await _scenario.Get(number.BusinessNumberId, phone);
        Assert.Equal(userId, conversation.CustomerUserId);
        Assert.False((await _scenario.Get(number.BusinessNumberId, other)).WindowOpen);
    }

    [Fact]
    public async Task A_bsuid_in_customer_and_another_in_customer_user_id_is_INVALID_FIELD()
    {
        var number = await _scenario.RegisterNumber();

        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => api.Conversations.GetConversationAsync(new V1.GetConversationRequest
            {
                BusinessNumberId = number.BusinessNumberId,
                Customer = TestUserIds.Customer(),
                CustomerUserId = TestUserIds.Customer(),
            }).ResponseAsync);

        Assert.Equal("customer_user_id", info.Metadata["field"]);
    }

    [Fact]
    public async Task A_call_naming_a_bsuid_without_a_token_is_UNAUTHENTICATED()
    {
        var number = await _scenario.RegisterNumber();
        using var channel = api.ChannelWith(null);

        await Refused.With(StatusCode.Unauthenticated, "TOKEN_MISSING", () => new V1.ConversationsService.ConversationsServiceClient(channel)
            .RecordInboundAsync(Inbound(number.BusinessNumberId, null, TestUserIds.Customer(), _scenario.Now)).ResponseAsync);
    }

    [Fact]
    public async Task Another_tenant_naming_a_bsuid_is_PERMISSION_DENIED_and_learns_nothing()
    {
        var number = await _scenario.RegisterNumber();
        var userId = TestUserIds.Customer();
        await api.Conversations.RecordInboundAsync(Inbound(number.BusinessNumberId, null, userId, _scenario.Now.AddMinutes(-1)));
        using var channel = api.ChannelWith(ApiFactory.Token(Scopes.All, [TestNumbers.WabaId()]));
        var other = new V1.ConversationsService.ConversationsServiceClient(channel);

        await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => other
            .GetConversationAsync(new V1.GetConversationRequest { BusinessNumberId = number.BusinessNumberId, CustomerUserId = userId }).ResponseAsync);
        await Refused.With(StatusCode.PermissionDenied, "WABA_NOT_ALLOWED", () => other
            .SendAsync(Template(number.BusinessNumberId, null, userId, "order_update", "1")).ResponseAsync);
    }
}
