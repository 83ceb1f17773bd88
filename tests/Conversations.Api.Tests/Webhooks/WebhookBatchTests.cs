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

    [Fact]
    public async Task A_posts_statuses_for_one_conversation_are_applied_with_one_write_in_the_posts_order()
    {
        // Arrange: two messages to one customer, one to another, on one number.
        var first = await _scenario.SentText();
        var second = await _scenario.SendText(first.Number, first.Customer);
        var otherCustomer = WebhookScenario.NewCustomer();
        await _scenario.Api.RecordInbound(first.Number.BusinessNumberId, otherCustomer, _scenario.Now.AddMinutes(-1));
        var other = await _scenario.SendText(first.Number, otherCustomer);
        string Key(SentMessage m) => new Abstractions.Identity.ConversationKey(m.Number.BusinessNumberId, m.Customer).ToString();
        var before = (Mine: api.MessageLog.Of(Key(first)).Appends, Other: api.MessageLog.Of(Key(other)).Appends);
        var at = _scenario.Now;
        var statuses = new[]
        {
            MetaPayload.Status(first.Wamid, "sent", first.Customer, at.AddSeconds(1)),
            MetaPayload.Status(other.Wamid, "delivered", other.Customer, at.AddSeconds(1)),
            MetaPayload.Status(second.Wamid, "delivered", second.Customer, at.AddSeconds(2)),
            MetaPayload.Status(first.Wamid, "delivered", first.Customer, at.AddSeconds(2)),
            MetaPayload.Status(first.Wamid, "read", first.Customer, at.AddSeconds(3)),
        };

        // Act
        var status = await _meta.Post(MetaPayload.Messages(first.Number.BusinessNumberId, statuses: statuses));

        // Assert: one append per conversation, and every status applied.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.Mine + 1, api.MessageLog.Of(Key(first)).Appends);
        Assert.Equal(before.Other + 1, api.MessageLog.Of(Key(other)).Appends);
        Assert.Equal(V1.MessageStatus.Read, (await _scenario.Message(first)).Status);
        Assert.Equal(V1.MessageStatus.Delivered, (await _scenario.Message(second)).Status);
        Assert.Equal(V1.MessageStatus.Delivered, (await _scenario.Message(other)).Status);
    }
}
