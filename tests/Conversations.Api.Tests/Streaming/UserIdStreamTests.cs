using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Streaming;

/// <summary>The streaming calls with BSUID customers: Subscribe by either id, StreamSends items naming customer_user_id.</summary>
[Collection(ApiCollection.Name)]
public sealed class UserIdStreamTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    private Task Inbound(string businessNumberId, string phone, string userId, DateTimeOffset sentAt)
    {
        var request = Scenario.Inbound(businessNumberId, phone, sentAt);
        request.CustomerUserId = userId;
        return api.Conversations.RecordInboundAsync(request).ResponseAsync;
    }

    [Fact]
    public async Task A_subscriber_naming_the_phone_number_of_a_bsuid_first_customer_gets_their_events_with_both_ids()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var (userId, phone) = (TestUserIds.Customer(), TestNumbers.Customer());
        await Inbound(number.BusinessNumberId, "", userId, _scenario.Now.AddMinutes(-2));
        await Inbound(number.BusinessNumberId, phone, userId, _scenario.Now.AddMinutes(-1));
        await using var subscription = await EventSubscription.Start(api, number.BusinessNumberId, phone);

        // Act
        await Inbound(number.BusinessNumberId, "", userId, _scenario.Now);
        var events = await subscription.WaitFor(V1.ConversationEventKind.InboundMessage);

        // Assert
        Assert.Contains(events, e => e.Kind == V1.ConversationEventKind.InboundMessage);
        Assert.All(events, e => Assert.Equal((phone, userId), (e.Customer, e.CustomerUserId)));
    }

    [Fact]
    public async Task A_StreamSends_item_naming_only_a_bsuid_is_sent_to_it()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var userId = TestUserIds.Customer();
        await Inbound(number.BusinessNumberId, "", userId, _scenario.Now.AddMinutes(-1));
        using var call = api.Conversations.StreamSends();
        var request = Scenario.Text(number.BusinessNumberId, "", "It shipped");
        request.CustomerUserId = userId;

        // Act
        await call.RequestStream.WriteAsync(new V1.StreamSendsRequest { CorrelationId = "1", Request = request });
        await call.RequestStream.CompleteAsync();
        var outcome = Assert.Single(await call.ResponseStream.ReadAllAsync().ToListAsync());

        // Assert
        Assert.Equal(("", userId), (outcome.Receipt.Conversation.Customer, outcome.Receipt.Conversation.CustomerUserId));
        Assert.Single(api.WhatsApp.SentTo(userId));
    }
}
