using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>MarkRead over loopback: gRPC → conversation → Cloud API client → simulator, which takes a receipt as Meta would.</summary>
[Collection(LoopbackCollection.Name)]
public sealed class MarkReadLoopTests(LoopbackApi api)
{
    private readonly LoopbackScenario _scenario = new(api);

    [Fact]
    public async Task MarkRead_with_typing_of_a_message_the_customer_wrote_through_the_simulator_reaches_Meta_as_a_read_status()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var inbound = await api.Simulator.CustomerWrites(number.BusinessNumberId, number.WabaId, customer, "Are you open today?");
        await Eventually.Until(() => _scenario.Conversation(number, customer), c => c.WindowOpen, LoopbackScenario.Bound);

        // Act
        var marked = await api.Conversations.MarkReadAsync(new V1.MarkReadRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
            MessageId = inbound.Wamid,
            TypingIndicator = true,
        });

        // Assert
        Assert.Equal((inbound.Wamid, true), (marked.MessageId, marked.TypingIndicator));
        var receipt = Assert.Single(await api.Simulator.ReadReceiptsOf(number.BusinessNumberId));
        Assert.Equal(200, (int)receipt["status_code"]!);
        Assert.Equal(inbound.Wamid, (string?)receipt["body"]?["message_id"]);
        Assert.Equal("text", (string?)receipt["body"]?["typing_indicator"]?["type"]);
        Assert.Empty(await api.Simulator.SendsTo(customer));
    }

    [Fact]
    public async Task MarkRead_of_a_message_Meta_never_delivered_is_refused_by_the_simulator_with_131009()
    {
        // Arrange: recorded through the api, so the conversation holds it and Meta does not.
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var wamid = "wamid.not-from-meta-" + Guid.NewGuid().ToString("N");
        await api.Conversations.RecordInboundAsync(new V1.RecordInboundRequest
        {
            BusinessNumberId = number.BusinessNumberId,
            Customer = customer,
            MessageId = wamid,
            SentAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            Type = "text",
            Text = "hello",
        });

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "META_REJECTED", () =>
            api.Conversations.MarkReadAsync(new V1.MarkReadRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer, MessageId = wamid }).ResponseAsync);

        // Assert
        Assert.Equal("131009", info.Metadata["whatsapp_code"]);
        var receipt = Assert.Single(await api.Simulator.ReadReceiptsOf(number.BusinessNumberId));
        Assert.Null(receipt["body"]?["typing_indicator"]);
    }
}
