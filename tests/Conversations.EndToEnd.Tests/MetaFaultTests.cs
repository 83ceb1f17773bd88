using System.Text.Json.Nodes;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>Meta's errors as the simulator injects them, seen through the real client's retry policy and the gRPC front door.</summary>
[Collection(LoopbackCollection.Name)]
public sealed class MetaFaultTests(LoopbackApi api)
{
    private readonly LoopbackScenario _scenario = new(api);

    [Fact]
    public async Task Transient_Meta_errors_are_retried_and_the_send_is_accepted()
    {
        var (number, customer) = await _scenario.CustomerWrote();
        await api.Simulator.InjectFault(new JsonObject { ["to"] = customer, ["code"] = 131000 });
        await api.Simulator.InjectFault(new JsonObject { ["to"] = customer, ["http_status"] = 503 });

        var receipt = (await api.Conversations.SendAsync(LoopbackScenario.Text(number, customer, "Your order has shipped"))).Receipt;

        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        Assert.StartsWith("wamid.SIM", receipt.Wamid, StringComparison.Ordinal);
        var sends = await api.Simulator.SendsTo(customer);
        Assert.Equal([400, 503, 200], sends.Select(s => (int)s["status_code"]!));
        Assert.Equal(131000, (int?)sends[0]["error_code"]);
        Assert.Equal(receipt.Wamid, (string?)sends[2]["wamid"]);
    }

    [Fact]
    public async Task A_permanent_Meta_error_is_not_retried_and_the_send_fails_with_Metas_code()
    {
        var (number, customer) = await _scenario.CustomerWrote();
        await api.Simulator.InjectFault(new JsonObject { ["to"] = customer, ["code"] = 131026 });
        var request = LoopbackScenario.Text(number, customer, "Your order has shipped");

        var refusal = await Refused.With(StatusCode.FailedPrecondition, "META_REJECTED", () => api.Conversations.SendAsync(request).ResponseAsync);

        Assert.Equal("131026", refusal.Metadata["whatsapp_code"]);
        var send = Assert.Single(await api.Simulator.SendsTo(customer));
        Assert.Equal(131026, (int?)send["error_code"]);
        var message = await _scenario.Message(number, customer, request.IdempotencyKey);
        Assert.Equal(V1.MessageStatus.Failed, message?.Status);
        Assert.Equal(131026, message!.MetaError.Code);
    }
}
