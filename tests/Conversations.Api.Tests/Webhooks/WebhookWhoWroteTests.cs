using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>What Meta delivers is the truth about who wrote: its ids are recorded, and every way a customer reaches out opens the window.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookWhoWroteTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    /// <summary>A UK number in Ofcom's drama range (07700 900xxx): WhatsApp may deliver it, the phone library calls it invalid.</summary>
    private static string NumberThePhoneLibraryRefuses()
    {
        var waId = $"447700900{RandomNumberGenerator.GetInt32(0, 1000):D3}";
        Assert.False(CustomerNumber.Normalize(waId).Succeeded, $"{waId} should be refused by the phone library for this test to mean anything");
        return waId;
    }

    [Fact]
    public async Task Inbound_from_a_wa_id_the_phone_library_refuses_is_recorded_and_opens_the_window()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var customer = NumberThePhoneLibraryRefuses();
        var sentAt = _scenario.Now.AddMinutes(-1);

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(customer, sentAt)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Applied);
        Assert.Equal(0, counters.Rejected("INVALID_CUSTOMER"));
        var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
        Assert.True(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(sentAt)), conversation.LastInboundAt);
    }

    [Fact]
    public async Task RecordInbound_over_grpc_still_refuses_a_number_the_phone_library_refuses()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var customer = NumberThePhoneLibraryRefuses();

        // Act + Assert
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_CUSTOMER", () =>
            _scenario.Api.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddMinutes(-1)));
        Assert.Equal("customer", info.Metadata["field"]);
    }

    [Fact]
    public async Task A_wa_id_that_is_not_E164_shaped_is_still_refused_on_the_webhook()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text("0123abc", _scenario.Now)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Rejected("INVALID_CUSTOMER"));
        Assert.Equal(0, counters.Applied);
    }

    [Fact]
    public async Task User_initiated_call_fixture_opens_the_callers_window()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var calledAt = _scenario.Now.AddMinutes(-2);
        var payload = JsonNode.Parse(MetaFixtures.CallConnectUserInitiated)!;
        var value = payload["entry"]![0]!["changes"]![0]!["value"]!;
        value["metadata"]!["phone_number_id"] = number.BusinessNumberId;
        value["contacts"]![0]!["wa_id"] = customer;
        value["calls"]![0]!["from"] = customer;
        value["calls"]![0]!["id"] = "wacid." + Guid.NewGuid().ToString("N");
        value["calls"]![0]!["timestamp"] = MetaPayload.Seconds(calledAt);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Applied);
        var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
        Assert.True(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(calledAt).AddHours(24)), conversation.WindowExpiresAt);
    }

    [Fact]
    public async Task A_call_the_business_placed_does_not_open_the_window()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var payload = JsonNode.Parse(MetaFixtures.CallConnectUserInitiated)!;
        var value = payload["entry"]![0]!["changes"]![0]!["value"]!;
        value["metadata"]!["phone_number_id"] = number.BusinessNumberId;
        value["calls"]![0]!["from"] = customer;
        value["calls"]![0]!["direction"] = "BUSINESS_INITIATED";
        value["calls"]![0]!["timestamp"] = MetaPayload.Seconds(_scenario.Now);

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((await _scenario.Conversation(number.BusinessNumberId, customer)).WindowOpen);
    }
}
