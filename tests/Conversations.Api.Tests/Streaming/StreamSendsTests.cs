using Conversations.Api.Streaming;
using Conversations.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

[Collection(ApiCollection.Name)]
public sealed class StreamSendsTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task Sends_to_one_conversation_are_made_in_request_order()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        using var call = api.Conversations.StreamSends();

        // Act
        for (var i = 1; i <= 20; i++)
        {
            await call.RequestStream.WriteAsync(new V1.StreamSendsRequest
            {
                CorrelationId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Request = Scenario.Text(number.BusinessNumberId, customer, $"part {i}"),
            });
        }

        await call.RequestStream.CompleteAsync();
        var outcomes = await call.ResponseStream.ReadAllAsync().ToListAsync();

        // Assert: the conversation decided them in the order they were streamed.
        var log = await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer });
        var messageIdsInStreamOrder = outcomes.OrderBy(o => int.Parse(o.CorrelationId, System.Globalization.CultureInfo.InvariantCulture)).Select(o => o.Receipt.MessageId);
        Assert.Equal(20, outcomes.Count);
        Assert.Equal(messageIdsInStreamOrder, log.Messages.Reverse().Select(m => m.MessageId));
    }

    [Fact]
    public async Task An_item_without_a_request_is_refused_and_the_next_one_still_sent()
    {
        var (number, customer) = await _scenario.OpenConversation();
        using var call = api.Conversations.StreamSends();

        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "empty" });
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "no-content", Request = new V1.SendRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer, IdempotencyKey = Scenario.NewKey() } });
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "ok", Request = Scenario.Text(number.BusinessNumberId, customer, "hi") });
        await call.RequestStream.CompleteAsync();
        var outcomes = (await call.ResponseStream.ReadAllAsync().ToListAsync()).ToDictionary(o => o.CorrelationId);

        Assert.Equal(("MISSING_FIELD", "request"), (outcomes["empty"].Refusal.Reason, outcomes["empty"].Refusal.Metadata["field"]));
        Assert.Equal(("MISSING_FIELD", "content"), (outcomes["no-content"].Refusal.Reason, outcomes["no-content"].Refusal.Metadata["field"]));
        Assert.Equal(V1.StreamSendsResponse.OutcomeOneofCase.Receipt, outcomes["ok"].OutcomeCase);
    }

    [Fact]
    public async Task Cancelling_a_send_stream_ends_it_on_the_server()
    {
        // Arrange: a stream with a send answered and the client still connected.
        var (number, customer) = await _scenario.OpenConversation();
        var streams = api.Services.GetRequiredService<SendStreams>();
        var call = api.Conversations.StreamSends();
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "1", Request = Scenario.Text(number.BusinessNumberId, customer, "hi") });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(streams.Open >= 1);

        // Act
        call.Dispose();

        // Assert
        await Eventually.Until(() => Task.FromResult(streams.Open), open => open == 0);
    }
}
