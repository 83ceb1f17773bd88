using Conversations.Abstractions.Messages;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

/// <summary>A chatbot as the streams are meant for: it subscribes to a number's events and answers each inbound over StreamSends.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChatbotStreamTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task A_bot_answers_every_inbound_over_StreamSends_with_per_item_refusals_mixed_in()
    {
        // Arrange: three customers who write now, and one whose message reaches us 25 hours late (its window is closed).
        var number = (await _scenario.RegisterNumber()).BusinessNumberId;
        string[] writing = [TestNumbers.Customer(), TestNumbers.Customer(), TestNumbers.Customer()];
        var late = TestNumbers.Customer();
        using var events = api.Conversations.Subscribe(new V1.SubscribeRequest { BusinessNumberId = number });
        await events.ResponseHeadersAsync;
        using var sends = api.Conversations.StreamSends();
        var outcomes = new List<V1.StreamSendsResponse>();
        var collecting = Task.Run(async () =>
        {
            await foreach (var outcome in sends.ResponseStream.ReadAllAsync())
            {
                lock (outcomes)
                {
                    outcomes.Add(outcome);
                }
            }
        });

        // The bot's first item addresses a customer that is not a phone number.
        await sends.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "not-a-customer", Request = Scenario.Text(number, "12ab", "hi") });
        using var stopBot = new CancellationTokenSource();
        var bot = Task.Run(async () =>
        {
            await foreach (var e in events.ResponseStream.ReadAllAsync(stopBot.Token))
            {
                if (e.Kind == V1.ConversationEventKind.InboundMessage)
                {
                    await sends.RequestStream.WriteAsync(new V1.StreamSendsRequest
                    {
                        CorrelationId = e.MessageId,
                        Request = Scenario.Text(number, e.Customer, $"You said: {e.Text}"),
                    });
                }
            }
        });

        // Act: each writing customer writes twice; the late message arrives in between.
        var inbound = new List<V1.RecordInboundRequest>();
        foreach (var customer in writing)
        {
            inbound.Add(Scenario.Inbound(number, customer, _scenario.Now));
        }

        inbound.Add(Scenario.Inbound(number, late, _scenario.Now.AddHours(-25)));
        foreach (var customer in writing)
        {
            inbound.Add(Scenario.Inbound(number, customer, _scenario.Now));
        }

        foreach (var request in inbound)
        {
            await api.Conversations.RecordInboundAsync(request);
        }

        await Eventually.Until(() => Task.FromResult(Count(outcomes)), count => count == 1 + inbound.Count);
        await stopBot.CancelAsync();
        await bot.ContinueWith(_ => { }, TaskScheduler.Default);
        await sends.RequestStream.CompleteAsync();
        await collecting;

        // Assert: one outcome per item; refusals as Send would fail; every other inbound answered; the stream ended OK.
        var byCorrelation = outcomes.ToDictionary(o => o.CorrelationId);
        Assert.Equal(1 + inbound.Count, byCorrelation.Count);
        var invalid = byCorrelation["not-a-customer"].Refusal;
        Assert.Equal(("INVALID_CUSTOMER", "INVALID_ARGUMENT"), (invalid.Reason, invalid.Status));
        var closed = byCorrelation[inbound.Single(r => r.Customer == late).MessageId].Refusal;
        Assert.Equal(("WINDOW_CLOSED", "FAILED_PRECONDITION", "131047"), (closed.Reason, closed.Status, closed.WhatsappCode));
        foreach (var request in inbound.Where(r => r.Customer != late))
        {
            var receipt = byCorrelation[request.MessageId].Receipt;
            Assert.NotNull(receipt);
            Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
            Assert.Equal(request.Customer, receipt.Conversation.Customer);
        }

        Assert.All(writing, customer => Assert.Equal(
            ["You said: hello", "You said: hello"],
            api.WhatsApp.SentTo(customer).Select(m => ((TextMessage)m.Content).Body)));
        Assert.Empty(api.WhatsApp.SentTo(late));
        Assert.Equal(StatusCode.OK, sends.GetStatus().StatusCode);
    }

    private static int Count(List<V1.StreamSendsResponse> outcomes)
    {
        lock (outcomes)
        {
            return outcomes.Count;
        }
    }
}
