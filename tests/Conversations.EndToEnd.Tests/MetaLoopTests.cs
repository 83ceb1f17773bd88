using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The whole loop over loopback HTTP: simulator → signed webhook → grain; gRPC send → Cloud API client → simulator →
/// status webhooks → grain.
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed class MetaLoopTests(LoopbackApi api)
{
    private readonly LoopbackScenario _scenario = new(api);

    [Fact]
    public async Task A_customer_writing_through_the_simulator_opens_the_window_and_our_reply_ends_read_with_Meta_pricing()
    {
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();

        var inbound = await api.Simulator.CustomerWrites(number.BusinessNumberId, number.WabaId, customer, "Hi, is my order on its way?");

        var conversation = await Eventually.Until(() => _scenario.Conversation(number, customer), c => c.WindowOpen, LoopbackScenario.Bound);
        Assert.Equal(inbound.SentAt, conversation.LastInboundAt.ToDateTimeOffset());

        var request = LoopbackScenario.Text(number, customer, "Yes: it left the warehouse this morning.");
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
        Assert.StartsWith("wamid.SIM", receipt.Wamid, StringComparison.Ordinal);
        var message = await Eventually.Until(
            () => _scenario.Message(number, customer, request.IdempotencyKey),
            m => m?.Status == V1.MessageStatus.Read,
            LoopbackScenario.Bound);
        Assert.Equal(receipt.Wamid, message!.Wamid);
        Assert.NotNull(message.SentAt);
        Assert.NotNull(message.DeliveredAt);
        Assert.NotNull(message.ReadAt);
        Assert.True(message.SentAt.ToDateTimeOffset() <= message.DeliveredAt.ToDateTimeOffset(), "sent before delivered");
        Assert.True(message.DeliveredAt.ToDateTimeOffset() <= message.ReadAt.ToDateTimeOffset(), "delivered before read");
        Assert.Equal(new V1.Pricing { Billable = false, PricingModel = "PMP", Type = "free_customer_service", Category = "service" }, message.Pricing);

        var send = Assert.Single(await api.Simulator.SendsTo(customer));
        Assert.Equal(receipt.Wamid, (string?)send["wamid"]);
        Assert.Equal(request.Text.Body, (string?)send["body"]?["text"]?["body"]);
    }

    [Fact]
    public async Task Free_form_to_a_customer_who_never_wrote_is_refused_with_131047_before_reaching_Meta()
    {
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();

        var refusal = await Refused.With(
            StatusCode.FailedPrecondition,
            "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(LoopbackScenario.Text(number, customer, "Hello there")).ResponseAsync);

        Assert.Equal("131047", refusal.Metadata["whatsapp_code"]);
        Assert.Empty(await api.Simulator.SendsTo(customer));
    }
}
