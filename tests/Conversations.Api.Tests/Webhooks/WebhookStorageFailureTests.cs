using System.Net;
using Conversations.Testing;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Nothing accepted is lost: a POST is acknowledged only once every event is stored, else Meta is told to retry.</summary>
public sealed class WebhookStorageFailureTests(FailingStorageApiFactory api) : IClassFixture<FailingStorageApiFactory>
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    [Fact]
    public async Task Post_whose_event_cannot_be_stored_gets_503_and_its_redelivery_is_applied_once()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var (stored, unstorable) = (TestNumbers.Customer(), TestNumbers.Customer());
        var sentAt = _scenario.Now.AddMinutes(-1);
        var body = MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(stored, sentAt), MetaPayload.Text(unstorable, sentAt)]).ToJsonString();
        api.Storage.Failing[$"{number.BusinessNumberId}/{unstorable}"] = true;

        // Act
        using var failed = await _meta.Send(body);
        api.Storage.Failing.Clear();
        using var redelivered = await _meta.Send(body);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        foreach (var customer in new[] { stored, unstorable })
        {
            var conversation = await _scenario.Conversation(number.BusinessNumberId, customer);
            Assert.True(conversation.WindowOpen, customer);
        }
    }

    [Fact]
    public async Task Other_events_of_a_post_with_an_unstorable_event_are_still_applied()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var (stored, unstorable) = (TestNumbers.Customer(), TestNumbers.Customer());
        var sentAt = _scenario.Now.AddMinutes(-1);
        api.Storage.Failing[$"{number.BusinessNumberId}/{unstorable}"] = true;

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(unstorable, sentAt), MetaPayload.Text(stored, sentAt)]));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True((await _scenario.Conversation(number.BusinessNumberId, stored)).WindowOpen);
    }
}
