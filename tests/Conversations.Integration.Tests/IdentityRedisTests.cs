using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Testing;
using static Conversations.Integration.Tests.Outcome;

namespace Conversations.Integration.Tests;

/// <summary>
/// The identity directory against a real redis-server: a phone-BSUID link survives full restarts, a conversation stored
/// under a phone number before BSUIDs existed stays the customer's conversation once a webhook shows both ids, and a
/// BSUID seen first keeps its conversation when the phone number shows up.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class IdentityRedisTests(RedisFixture fixture)
{
    private static ICustomerIdentityGrain Entry(DurableService service, string portfolio, string customer) =>
        service.Grains.GetGrain<ICustomerIdentityGrain>(new CustomerIdentityKey(portfolio, customer).ToString());

    private static async Task<string> Registered(DurableService service, string number)
    {
        var waba = TestNumbers.WabaId();
        var registered = await service.Grains.GetGrain<IBusinessNumberGrain>(number).Register(waba);
        Assert.True(registered.Succeeded, registered.Refusal?.Message);
        return waba;
    }

    private static InboundMessage Inbound(DateTimeOffset at, string? phone, string? userId) =>
        new($"wamid.{Guid.NewGuid():N}", at, InboundMessageType.Text, "hello") { Phone = phone, UserId = userId };

    [Fact]
    public async Task A_conversation_stored_under_a_phone_number_before_bsuids_is_the_customers_after_the_link_and_the_link_survives_restarts()
    {
        // Arrange: a conversation as every conversation was stored before this change, keyed by phone number.
        await using var service = await DurableService.Start(fixture.Redis);
        var number = TestNumbers.BusinessNumberId();
        var portfolio = await Registered(service, number);
        var (phone, userId) = (TestNumbers.Customer(), TestUserIds.Customer());
        var conversation = service.Grains.GetGrain<IConversationGrain>(new ConversationKey(number, phone).ToString());
        var opened = Ok(await conversation.RecordInbound(Inbound(service.Clock.GetUtcNow(), null, null)));
        await service.Restart();

        // Act: Meta's first webhook showing both ids, then a full restart.
        var linked = await Entry(service, portfolio, userId).Observe(phone);
        await service.Restart();

        // Assert
        Assert.Equal(new CustomerIdentity(phone, phone, userId), linked);
        Assert.Equal(linked, await Entry(service, portfolio, userId).Find());
        Assert.Equal(linked, await Entry(service, portfolio, phone).Find());
        Assert.Equal(0, await service.Grains.GetGrain<ICustomerDirectoryGrain>(portfolio).RedirectedPhones());
        var reached = service.Grains.GetGrain<IConversationGrain>(new ConversationKey(number, linked.Canonical).ToString());
        var snapshot = Ok(await reached.Get());
        Assert.True(snapshot.WindowOpen);
        Assert.Equal(opened.LastInboundAt, snapshot.LastInboundAt);
        var keys = await RedisContents.Read(fixture.Connection);
        Assert.NotEmpty(keys.Find($"{service.ServiceId}/state/customer-identity/{portfolio}/{userId}/customer-identity"));
    }

    [Fact]
    public async Task A_bsuid_seen_first_keeps_its_conversation_when_the_phone_number_shows_up_across_restarts()
    {
        // Arrange: a username user writes with no phone number.
        await using var service = await DurableService.Start(fixture.Redis);
        var number = TestNumbers.BusinessNumberId();
        var portfolio = await Registered(service, number);
        var (phone, userId) = (TestNumbers.Customer(), TestUserIds.Customer());
        var first = await Entry(service, portfolio, userId).Observe(null);
        IConversationGrain Conversation() => service.Grains.GetGrain<IConversationGrain>(new ConversationKey(number, first.Canonical).ToString());
        Ok(await Conversation().RecordInbound(Inbound(service.Clock.GetUtcNow(), null, userId)));
        await service.Restart();

        // Act: a later webhook shows the phone number too.
        var linked = await Entry(service, portfolio, userId).Observe(phone);
        Ok(await Conversation().RecordInbound(Inbound(service.Clock.GetUtcNow(), phone, userId)));
        await service.Restart();

        // Assert
        Assert.Equal(new CustomerIdentity(userId, null, userId), first);
        Assert.Equal(new CustomerIdentity(userId, phone, userId), linked);
        Assert.Equal(linked, await Entry(service, portfolio, phone).Find());
        Assert.Equal(1, await service.Grains.GetGrain<ICustomerDirectoryGrain>(portfolio).RedirectedPhones());
        var snapshot = Ok(await Conversation().Get());
        Assert.True(snapshot.WindowOpen);
        Assert.Equal(new CustomerIdentity(userId, phone, userId), snapshot.Identity);
    }
}
