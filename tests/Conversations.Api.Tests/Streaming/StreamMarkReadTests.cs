using Conversations.Abstractions.Meta;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

/// <summary>StreamSends' mark_read items: a chatbot marks the customer's message read and shows typing, then replies, on one stream.</summary>
[Collection(ApiCollection.Name)]
public sealed class StreamMarkReadTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task A_mark_read_item_with_typing_then_a_reply_each_get_their_outcome_and_the_receipt_reaches_Meta()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var inbound = Scenario.Inbound(number.BusinessNumberId, customer, _scenario.Now.AddMinutes(-1));
        await api.Conversations.RecordInboundAsync(inbound);
        using var call = api.Conversations.StreamSends();

        // Act
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest
        {
            CorrelationId = "typing",
            MarkRead = new V1.MarkReadRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer, MessageId = inbound.MessageId, TypingIndicator = true },
        });
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "reply", Request = Scenario.Text(number.BusinessNumberId, customer, "On it!") });
        await call.RequestStream.CompleteAsync();
        var outcomes = (await call.ResponseStream.ReadAllAsync().ToListAsync()).ToDictionary(o => o.CorrelationId);

        // Assert
        Assert.Equal(V1.StreamSendsResponse.OutcomeOneofCase.MarkedRead, outcomes["typing"].OutcomeCase);
        Assert.Equal((inbound.MessageId, true), (outcomes["typing"].MarkedRead.MessageId, outcomes["typing"].MarkedRead.TypingIndicator));
        Assert.Equal(V1.StreamSendsResponse.OutcomeOneofCase.Receipt, outcomes["reply"].OutcomeCase);
        Assert.Contains(new ReadReceipt(number.BusinessNumberId, inbound.MessageId, true), api.WhatsApp.ReadReceipts);
        Assert.Single(api.WhatsApp.SentTo(customer));
    }

    [Fact]
    public async Task A_mark_read_item_of_an_unknown_message_is_refused_in_its_outcome_and_the_stream_goes_on()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddMinutes(-1));
        using var call = api.Conversations.StreamSends();
        var markRead = new V1.MarkReadRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer, MessageId = "wamid.unknown" };

        // Act
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "unknown", MarkRead = markRead });
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "both", MarkRead = markRead, Request = Scenario.Text(number.BusinessNumberId, customer, "hi") });
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "ok", Request = Scenario.Text(number.BusinessNumberId, customer, "hi") });
        await call.RequestStream.CompleteAsync();
        var outcomes = (await call.ResponseStream.ReadAllAsync().ToListAsync()).ToDictionary(o => o.CorrelationId);

        // Assert
        Assert.Equal(("MESSAGE_NOT_FOUND", "NOT_FOUND", "131009"), (outcomes["unknown"].Refusal.Reason, outcomes["unknown"].Refusal.Status, outcomes["unknown"].Refusal.WhatsappCode));
        Assert.Equal(("INVALID_FIELD", "mark_read", "one_of"), (outcomes["both"].Refusal.Reason, outcomes["both"].Refusal.Metadata["field"], outcomes["both"].Refusal.Metadata["rule"]));
        Assert.Equal(V1.StreamSendsResponse.OutcomeOneofCase.Receipt, outcomes["ok"].OutcomeCase);
        Assert.Single(api.WhatsApp.SentTo(customer));
    }
}
