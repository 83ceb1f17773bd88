using System.Net;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Meta delivers at least once, for days, in any order: replays and late statuses end in the right state.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookRedeliveryTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    private Task<HttpStatusCode> PostStatus(SentMessage sent, string status, DateTimeOffset at, int? errorCode = null) =>
        _meta.Post(MetaPayload.Messages(sent.Number.BusinessNumberId, statuses: [MetaPayload.Status(sent.Wamid, status, sent.Customer, at, errorCode)]));

    private static Timestamp Second(DateTimeOffset at) => Timestamp.FromDateTimeOffset(MetaPayload.Truncated(at));

    [Fact]
    public async Task Delivered_after_read_leaves_the_message_read_with_the_delivery_time_set()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var delivered = _scenario.Now.AddSeconds(5);
        var read = _scenario.Now.AddSeconds(30);

        // Act
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "read", read));
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "delivered", delivered));

        // Assert
        var message = await _scenario.Message(sent);
        Assert.Equal(V1.MessageStatus.Read, message.Status);
        Assert.Equal(Second(delivered), message.DeliveredAt);
        Assert.Equal(Second(read), message.ReadAt);
    }

    [Fact]
    public async Task Read_without_delivered_implies_delivered()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var read = _scenario.Now.AddSeconds(30);

        // Act
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "read", read));

        // Assert
        var message = await _scenario.Message(sent);
        Assert.Equal(V1.MessageStatus.Read, message.Status);
        Assert.Equal(Second(read), message.DeliveredAt);
    }

    [Fact]
    public async Task Failed_after_delivered_ends_failed_with_metas_error()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var delivered = _scenario.Now.AddSeconds(5);
        var failed = _scenario.Now.AddSeconds(9);

        // Act
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "delivered", delivered));
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "failed", failed, errorCode: 131026));

        // Assert
        var message = await _scenario.Message(sent);
        Assert.Equal(V1.MessageStatus.Failed, message.Status);
        Assert.Equal(Second(failed), message.FailedAt);
        Assert.Equal(Second(delivered), message.DeliveredAt);
        Assert.Equal(131026, message.MetaError.Code);
        Assert.Equal("Details of 131026", message.MetaError.Details);
    }

    [Fact]
    public async Task Read_after_failed_leaves_the_message_failed()
    {
        // Arrange
        var sent = await _scenario.SentText();
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "failed", _scenario.Now.AddSeconds(5), errorCode: 131026));

        // Act
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "read", _scenario.Now.AddSeconds(9)));

        // Assert
        Assert.Equal(V1.MessageStatus.Failed, (await _scenario.Message(sent)).Status);
    }

    [Fact]
    public async Task Same_status_delivered_again_changes_nothing()
    {
        // Arrange
        var sent = await _scenario.SentText();
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "delivered", _scenario.Now.AddSeconds(5)));
        var first = await _scenario.Message(sent);

        // Act
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "delivered", _scenario.Now.AddSeconds(5)));
        Assert.Equal(HttpStatusCode.OK, await PostStatus(sent, "delivered", _scenario.Now.AddSeconds(60)));

        // Assert
        Assert.Equal(first, await _scenario.Message(sent));
        Assert.Equal(V1.MessageStatus.Delivered, first.Status);
    }

    [Fact]
    public async Task Redelivered_inbound_message_is_recorded_once()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var wamid = MetaPayload.NewWamid();
        var first = _scenario.Now.AddHours(-2);
        Assert.Equal(HttpStatusCode.OK, await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(customer, first, wamid)])));

        // Act: the same wamid again, carrying a later time, must not extend the window.
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(customer, _scenario.Now.AddMinutes(-1), wamid)]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
        Assert.Equal(Second(first), conversation.LastInboundAt);
    }

    [Fact]
    public async Task Whole_post_replayed_changes_nothing()
    {
        // Arrange
        var sent = await _scenario.SentText();
        var body = MetaPayload.Messages(
            sent.Number.BusinessNumberId,
            [MetaPayload.Text(sent.Customer, _scenario.Now.AddSeconds(-10))],
            [MetaPayload.Status(sent.Wamid, "delivered", sent.Customer, _scenario.Now.AddSeconds(3)), MetaPayload.Status(sent.Wamid, "read", sent.Customer, _scenario.Now.AddSeconds(4))])
            .ToJsonString();
        using var firstResponse = await _meta.Send(body);
        var message = await _scenario.Message(sent);
        var conversation = await _scenario.Conversation(sent.Number.BusinessNumberId, sent.Customer);

        // Act
        using var replayResponse = await _meta.Send(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayResponse.StatusCode);
        Assert.Equal(message, await _scenario.Message(sent));
        Assert.Equal(conversation, await _scenario.Conversation(sent.Number.BusinessNumberId, sent.Customer));
    }
}
