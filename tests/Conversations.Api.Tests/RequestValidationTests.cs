using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// Every malformed request is refused with INVALID_ARGUMENT naming the field, and leaves the conversation exactly as it was.
/// Each case is run against an open conversation and compares GetConversation before and after.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestValidationTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    public static TheoryData<string, string> MissingFields => new()
    {
        { "RecordInbound", "business_number_id" },
        { "RecordInbound", "customer" },
        { "RecordInbound", "message_id" },
        { "RecordInbound", "sent_at" },
        { "RecordInbound", "type" },
        { "Send", "business_number_id" },
        { "Send", "customer" },
        { "Send", "idempotency_key" },
        { "Send", "content" },
        { "Send", "text.body" },
        { "Send", "template.name" },
        { "Send", "template.language" },
        { "GetConversation", "business_number_id" },
        { "GetConversation", "customer" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public async Task Missing_field_is_refused_as_MISSING_FIELD_naming_it_and_changes_nothing(string rpc, string field)
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);
        Func<Task> call = rpc switch
        {
            "RecordInbound" => () => api.Conversations.RecordInboundAsync(InboundWithout(field, number.BusinessNumberId, customer)).ResponseAsync,
            "Send" => () => api.Conversations.SendAsync(SendWithout(field, number.BusinessNumberId, customer)).ResponseAsync,
            _ => () => _scenario.Get(field == "business_number_id" ? "" : number.BusinessNumberId, field == "customer" ? "" : customer),
        };

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD", call);

        // Assert
        Assert.Equal(field, info.Metadata["field"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    public static TheoryData<string, string> InvalidCustomers => new()
    {
        { "RecordInbound", "12" },
        { "RecordInbound", "+1 650 555" },
        { "RecordInbound", "abc" },
        { "RecordInbound", "1650555012345678" },
        { "Send", "12" },
        { "Send", "+1 650 555" },
        { "Send", "abc" },
        { "Send", "1650555012345678" },
        { "GetConversation", "abc" },
    };

    [Theory]
    [MemberData(nameof(InvalidCustomers))]
    public async Task Invalid_customer_is_refused_as_INVALID_CUSTOMER_and_changes_nothing(string rpc, string invalid)
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_CUSTOMER", Call(rpc, number.BusinessNumberId, invalid));

        // Assert
        Assert.Equal("customer", info.Metadata["field"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Theory]
    [InlineData("RecordInbound")]
    [InlineData("Send")]
    [InlineData("GetConversation")]
    public async Task Invalid_business_number_id_is_refused_as_INVALID_BUSINESS_NUMBER_ID_and_changes_nothing(string rpc)
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_BUSINESS_NUMBER_ID", Call(rpc, "abc", customer));

        // Assert
        Assert.Equal("business_number_id", info.Metadata["field"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Fact]
    public async Task Unknown_inbound_type_is_refused_as_INVALID_MESSAGE_TYPE_and_changes_nothing()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_MESSAGE_TYPE",
            () => api.Conversations.RecordInboundAsync(Scenario.Inbound(number.BusinessNumberId, customer, _scenario.Now, type: "banana")).ResponseAsync);

        // Assert
        Assert.Equal("type", info.Metadata["field"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Fact]
    public async Task Out_of_range_sent_at_is_refused_as_INVALID_TIMESTAMP_and_changes_nothing()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);
        var request = Scenario.Inbound(number.BusinessNumberId, customer, _scenario.Now);
        request.SentAt = new Timestamp { Seconds = 253_402_300_800 };

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_TIMESTAMP", () => api.Conversations.RecordInboundAsync(request).ResponseAsync);

        // Assert
        Assert.Equal("sent_at", info.Metadata["field"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Fact]
    public async Task Over_long_message_id_is_refused_as_FIELD_TOO_LONG_and_changes_nothing()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);
        var request = Scenario.Inbound(number.BusinessNumberId, customer, _scenario.Now);
        request.MessageId = new string('w', 257);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "FIELD_TOO_LONG", () => api.Conversations.RecordInboundAsync(request).ResponseAsync);

        // Assert
        Assert.Equal("message_id", info.Metadata["field"]);
        Assert.Equal("256", info.Metadata["limit"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Fact]
    public async Task Over_long_idempotency_key_is_refused_as_FIELD_TOO_LONG_and_changes_nothing()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var before = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "FIELD_TOO_LONG",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi", new string('k', 129))).ResponseAsync);

        // Assert
        Assert.Equal("idempotency_key", info.Metadata["field"]);
        Assert.Equal("128", info.Metadata["limit"]);
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    [Fact]
    public async Task Refused_send_does_not_change_a_closed_conversation()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddHours(-30));
        var before = await _scenario.Get(number.BusinessNumberId, customer);

        // Act
        await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi")).ResponseAsync);

        // Assert
        Assert.Equal(before, await _scenario.Get(number.BusinessNumberId, customer));
    }

    private Func<Task> Call(string rpc, string businessNumberId, string customer) => rpc switch
    {
        "RecordInbound" => () => api.Conversations.RecordInboundAsync(Scenario.Inbound(businessNumberId, customer, _scenario.Now)).ResponseAsync,
        "Send" => () => api.Conversations.SendAsync(Scenario.Text(businessNumberId, customer, "hi")).ResponseAsync,
        _ => () => _scenario.Get(businessNumberId, customer),
    };

    private V1.RecordInboundRequest InboundWithout(string field, string businessNumberId, string customer)
    {
        var request = Scenario.Inbound(businessNumberId, customer, _scenario.Now);
        switch (field)
        {
            case "business_number_id": request.BusinessNumberId = ""; break;
            case "customer": request.Customer = ""; break;
            case "message_id": request.MessageId = ""; break;
            case "sent_at": request.SentAt = null; break;
            case "type": request.Type = ""; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }

        return request;
    }

    private static V1.SendRequest SendWithout(string field, string businessNumberId, string customer)
    {
        var text = Scenario.Text(businessNumberId, customer, "hi");
        var template = Scenario.Template(businessNumberId, customer, "order_update", "en_US", "A-1");
        switch (field)
        {
            case "business_number_id": text.BusinessNumberId = ""; return text;
            case "customer": text.Customer = ""; return text;
            case "idempotency_key": text.IdempotencyKey = ""; return text;
            case "content": text.ClearContent(); return text;
            case "text.body": text.Text.Body = ""; return text;
            case "template.name": template.Template.Name = ""; return template;
            case "template.language": template.Template.Language = ""; return template;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }
}
