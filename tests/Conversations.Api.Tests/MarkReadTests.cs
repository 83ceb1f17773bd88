using Conversations.Abstractions.Meta;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// MarkRead: a read receipt, with the typing indicator when asked, for one of the customer's messages this conversation
/// recorded within Meta's 30 days; refused precisely otherwise; never a business message.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MarkReadTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    private static V1.MarkReadRequest Request(string businessNumberId, string customer, string messageId, bool typing = false) => new()
    {
        BusinessNumberId = businessNumberId,
        Customer = customer,
        MessageId = messageId,
        TypingIndicator = typing,
    };

    private async Task<(V1.BusinessNumber Number, string Customer, V1.RecordInboundRequest Inbound)> CustomerWrote(DateTimeOffset sentAt)
    {
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var inbound = Scenario.Inbound(number.BusinessNumberId, customer, sentAt);
        await api.Conversations.RecordInboundAsync(inbound);
        return (number, customer, inbound);
    }

    [Fact]
    public async Task MarkRead_with_typing_hands_Meta_a_read_receipt_with_the_indicator_and_says_when_the_message_was_sent()
    {
        // Arrange
        var sentAt = _scenario.Now.AddMinutes(-3);
        var (number, customer, inbound) = await CustomerWrote(sentAt);

        // Act
        var marked = await api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, inbound.MessageId, typing: true));

        // Assert
        Assert.Equal((inbound.MessageId, true), (marked.MessageId, marked.TypingIndicator));
        Assert.Equal(sentAt.ToUnixTimeSeconds(), marked.ReceivedAt.Seconds);
        Assert.Equal(_scenario.Now, marked.MarkedAt.ToDateTimeOffset());
        Assert.Contains(new ReadReceipt(number.BusinessNumberId, inbound.MessageId, true), api.WhatsApp.ReadReceipts);
    }

    [Fact]
    public async Task MarkRead_after_the_window_closed_is_no_business_message_nothing_sent_logged_or_counted()
    {
        // Arrange
        var (number, customer, inbound) = await CustomerWrote(_scenario.Now.AddMinutes(-1));
        api.Clock.Advance(TimeSpan.FromHours(25));

        // Act
        await api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, inbound.MessageId));

        // Assert
        Assert.Contains(new ReadReceipt(number.BusinessNumberId, inbound.MessageId, false), api.WhatsApp.ReadReceipts);
        Assert.Empty(api.WhatsApp.SentTo(customer));
        var messages = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer });
        Assert.Empty(messages.Messages);
        var limit = (await api.BusinessNumbers.GetMessagingLimitAsync(new V1.GetMessagingLimitRequest { PortfolioId = number.PortfolioId })).MessagingLimit;
        Assert.Equal(0, limit.Used);
        Assert.False((await _scenario.Get(number.BusinessNumberId, customer)).WindowOpen);
    }

    [Fact]
    public async Task MarkRead_without_a_message_id_is_INVALID_ARGUMENT_MISSING_FIELD()
    {
        var (number, customer, _) = await CustomerWrote(_scenario.Now.AddMinutes(-1));

        var info = await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD", () =>
            api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, "")).ResponseAsync);

        Assert.Equal("message_id", info.Metadata["field"]);
    }

    [Fact]
    public async Task MarkRead_of_an_id_the_conversation_never_recorded_is_NOT_FOUND_MESSAGE_NOT_FOUND()
    {
        var (number, customer, _) = await CustomerWrote(_scenario.Now.AddMinutes(-1));

        var info = await Refused.With(StatusCode.NotFound, "MESSAGE_NOT_FOUND", () =>
            api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, "wamid.never-seen")).ResponseAsync);

        Assert.Equal(("message_id", "131009"), (info.Metadata["field"], info.Metadata["whatsapp_code"]));
        Assert.DoesNotContain(api.WhatsApp.ReadReceipts, r => r.Wamid == "wamid.never-seen");
    }

    [Fact]
    public async Task MarkRead_of_another_customers_message_is_NOT_FOUND_MESSAGE_NOT_FOUND()
    {
        var (number, _, inbound) = await CustomerWrote(_scenario.Now.AddMinutes(-1));
        var other = TestNumbers.Customer();
        await api.Conversations.RecordInboundAsync(Scenario.Inbound(number.BusinessNumberId, other, _scenario.Now.AddMinutes(-1)));

        await Refused.With(StatusCode.NotFound, "MESSAGE_NOT_FOUND", () =>
            api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, other, inbound.MessageId)).ResponseAsync);
    }

    [Fact]
    public async Task MarkRead_of_a_message_the_business_sent_is_INVALID_ARGUMENT_MESSAGE_NOT_INBOUND()
    {
        // Arrange
        var (number, customer, _) = await CustomerWrote(_scenario.Now.AddMinutes(-1));
        var receipt = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hello"))).Receipt;

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "MESSAGE_NOT_INBOUND", () =>
            api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, receipt.Wamid)).ResponseAsync);

        // Assert
        Assert.False(string.IsNullOrEmpty(receipt.Wamid));
        Assert.Equal("message_id", info.Metadata["field"]);
        Assert.DoesNotContain(api.WhatsApp.ReadReceipts, r => r.Wamid == receipt.Wamid);
    }

    [Fact]
    public async Task MarkRead_of_a_message_sent_30_days_ago_is_FAILED_PRECONDITION_MESSAGE_TOO_OLD_TO_MARK_READ()
    {
        // Arrange
        var (number, customer, inbound) = await CustomerWrote(_scenario.Now);
        api.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        await api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, inbound.MessageId));
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "MESSAGE_TOO_OLD_TO_MARK_READ", () =>
            api.Conversations.MarkReadAsync(Request(number.BusinessNumberId, customer, inbound.MessageId)).ResponseAsync);

        // Assert
        Assert.Equal(("30d", "131009"), (info.Metadata["limit"], info.Metadata["whatsapp_code"]));
        Assert.Single(api.WhatsApp.ReadReceipts, r => r.Wamid == inbound.MessageId);
    }
}
