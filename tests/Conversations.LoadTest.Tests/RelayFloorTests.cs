using System.Text.Json.Nodes;
using Conversations.LoadTest.Relay;
using Conversations.Meta.Simulator;
using Conversations.Testing;
using Conversations.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conversations.LoadTest.Tests;

/// <summary>The relay floor over loopback, against the real Meta simulator: the wire is what these tests are about.</summary>
public sealed class RelayFloorTests : IAsyncLifetime
{
    private const string Number = "106540352242922";
    private const string Customer = "16505551234";

    private MetaSimulator _meta = null!;
    private WebApplication _relay = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _meta = await MetaSimulator.Start(
            new MetaSimulatorOptions
            {
                Url = "http://127.0.0.1:0",
                WebhookUrl = $"http://127.0.0.1:{FreePort.Next()}/webhooks/whatsapp",
                WebhookAttempts = 1,
                // Nobody receives statuses here; held back, they are never posted during a test.
                SentDelay = TimeSpan.FromHours(1),
                DeliveredDelay = TimeSpan.FromHours(1),
                ReadDelay = TimeSpan.FromHours(1),
            },
            NullLoggerFactory.Instance);
        var port = FreePort.Next();
        _relay = await RelayServer.StartAsync(port, _meta.BaseAddress, CancellationToken.None);
        _channel = GrpcChannel.ForAddress($"http://localhost:{port}");
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _relay.DisposeAsync();
        await _meta.DisposeAsync();
    }

    [Fact]
    public async Task A_send_is_posted_to_Meta_as_Meta_takes_it_and_answered_with_its_wamid()
    {
        await _meta.SimulateInbound(new SimulatedInbound(Number, Customer, "Hi, where is my order?"), CancellationToken.None);

        var response = await Client().SendAsync(new SendRequest
        {
            BusinessNumberId = Number,
            Customer = Customer,
            IdempotencyKey = "relay-1",
            Text = new TextContent { Body = "It ships today." },
        });

        var received = Assert.Single(_meta.Received);
        Assert.Equal(200, received.StatusCode);
        Assert.Equal(received.Wamid, response.Receipt.Wamid);
        Assert.StartsWith("wamid.SIM", response.Receipt.Wamid);
        Assert.Equal(MessageStatus.Accepted, response.Receipt.Status);
        Assert.Equal(Number, received.PhoneNumberId);
        var body = Assert.IsType<JsonObject>(received.Body);
        Assert.Equal("whatsapp", (string?)body["messaging_product"]);
        Assert.Equal(Customer, (string?)body["to"]);
        Assert.Equal("text", (string?)body["type"]);
        Assert.Equal("It ships today.", (string?)body["text"]?["body"]);
    }

    [Fact]
    public async Task Metas_refusal_comes_back_with_its_code_as_the_reason()
    {
        // No inbound: the simulator's window is closed, so Meta refuses free-form text with 131047.
        var failure = await Assert.ThrowsAsync<RpcException>(() => Client().SendAsync(new SendRequest
        {
            BusinessNumberId = Number,
            Customer = "16505550000",
            IdempotencyKey = "relay-2",
            Text = new TextContent { Body = "Hello?" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, failure.StatusCode);
        Assert.Equal("META_131047", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Anything_but_text_is_not_relayed()
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => Client().SendAsync(new SendRequest
        {
            BusinessNumberId = Number,
            Customer = Customer,
            IdempotencyKey = "relay-3",
            Template = new TemplateContent { Name = "hello_world", Language = "en_US" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
        Assert.Empty(_meta.Received);
    }

    private V1.ConversationsService.ConversationsServiceClient Client() => new(_channel);
}
