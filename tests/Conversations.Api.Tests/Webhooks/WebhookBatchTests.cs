using System.Net;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>One POST may batch many entries, changes, messages and statuses; every one of them is applied.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookBatchTests(ApiFactory api)
{
    private const int SentPerNumber = 10;
    private const int InboundPerNumber = 30;

    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    [Fact]
    public async Task Batch_of_100_mixed_events_over_two_numbers_is_applied_in_full()
    {
        // Arrange: two numbers of two WABAs, ten sent messages each, and thirty new customers writing to each.
        using var counters = new WebhookCounters(api);
        var numbers = new[] { await _scenario.Api.RegisterNumber(), await _scenario.Api.RegisterNumber() };
        var sent = new List<SentMessage>();
        foreach (var number in numbers)
        {
            for (var i = 0; i < SentPerNumber; i++)
            {
                var customer = WebhookScenario.NewCustomer();
                await _scenario.Api.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddHours(-1));
                sent.Add(await _scenario.SendText(number, customer));
            }
        }

        var now = _scenario.Now;
        var writers = numbers.ToDictionary(
            n => n.BusinessNumberId,
            _ => Enumerable.Range(0, InboundPerNumber).Select(_ => WebhookScenario.NewCustomer()).Distinct().ToList());
        JsonObject[] Inbound(V1.BusinessNumber number, int from, int count) =>
            [.. writers[number.BusinessNumberId].Skip(from).Take(count).Select(c => MetaPayload.Text(c, now.AddMinutes(-2)))];
        JsonObject[] Statuses(V1.BusinessNumber number, string status, int offsetSeconds) =>
            [.. sent.Where(s => s.Number == number).Select(s => MetaPayload.Status(s.Wamid, status, s.Customer, now.AddSeconds(offsetSeconds)))];

        var payload = MetaPayload.Envelope(
            MetaPayload.Entry(numbers[0].WabaId,
                MetaPayload.Change("messages", MetaPayload.MessagesValue(numbers[0].BusinessNumberId, Inbound(numbers[0], 0, 20))),
                MetaPayload.Change("messages", MetaPayload.MessagesValue(numbers[0].BusinessNumberId, statuses: Statuses(numbers[0], "read", 20))),
                MetaPayload.Change("messages", MetaPayload.MessagesValue(numbers[0].BusinessNumberId, Inbound(numbers[0], 20, 10), Statuses(numbers[0], "delivered", 10)))),
            MetaPayload.Entry(numbers[1].WabaId,
                MetaPayload.Change("messages", MetaPayload.MessagesValue(numbers[1].BusinessNumberId, Inbound(numbers[1], 0, 30), Statuses(numbers[1], "delivered", 10)))),
            MetaPayload.Entry(numbers[1].WabaId,
                MetaPayload.Change("messages", MetaPayload.MessagesValue(numbers[1].BusinessNumberId, statuses: Statuses(numbers[1], "read", 20)))));
        var events = writers.Values.Sum(w => w.Count) + 2 * sent.Count;

        // Act
        var status = await _meta.Post(payload);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(events, counters.Applied);
        foreach (var number in numbers)
        {
            foreach (var customer in writers[number.BusinessNumberId])
            {
                var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
                Assert.True(conversation.WindowOpen, customer);
                Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(now.AddMinutes(-2))), conversation.LastInboundAt);
            }
        }

        foreach (var message in sent)
        {
            var record = await _scenario.Message(message);
            Assert.Equal(V1.MessageStatus.Read, record.Status);
            Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(now.AddSeconds(10))), record.DeliveredAt);
            Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(now.AddSeconds(20))), record.ReadAt);
        }
    }
}
