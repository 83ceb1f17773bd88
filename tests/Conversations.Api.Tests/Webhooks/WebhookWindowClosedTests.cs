using System.Net;
using Conversations.Api.Tests.Streaming;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Meta's 131047 in a failed status closes the window at once, and subscribers hear WINDOW_CLOSED with the cause.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookWindowClosedTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    [Fact]
    public async Task A_failed_status_with_131047_raises_window_closed_with_its_cause()
    {
        // Arrange
        var sent = await _scenario.SentText();
        await using var subscription = await EventSubscription.Start(api, sent.Number.BusinessNumberId, sent.Customer);
        var failed = MetaPayload.Status(sent.Wamid, "failed", sent.Customer, _scenario.Now, errorCode: 131047);

        // Act
        var status = await _meta.Post(MetaPayload.Messages(sent.Number.BusinessNumberId, statuses: [failed]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var events = await subscription.WaitFor(V1.ConversationEventKind.WindowClosed);
        var closed = Assert.Single(events, e => e.Kind == V1.ConversationEventKind.WindowClosed);
        Assert.Equal(sent.Wamid, closed.Wamid);
        Assert.Equal("WINDOW_CLOSED", closed.Refusal.Reason);
        Assert.Equal("131047", closed.Refusal.WhatsappCode);
        Assert.Equal("Error 131047", closed.Refusal.Metadata["meta_title"]);
        Assert.Equal("Details of 131047", closed.Refusal.Metadata["meta_details"]);
        Assert.Equal(Timestamp.FromDateTimeOffset(MetaPayload.Truncated(_scenario.Now)), closed.WindowExpiresAt);
        Assert.False((await _scenario.Conversation(sent.Number.BusinessNumberId, sent.Customer)).WindowOpen);
    }
}
