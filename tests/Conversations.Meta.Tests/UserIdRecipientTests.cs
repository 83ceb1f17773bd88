using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Simulator;
using Conversations.Testing;

namespace Conversations.Meta.Tests;

/// <summary>
/// Customers addressed by business-scoped user id (BSUID): the client puts the BSUID in Meta's recipient field, the
/// simulator accepts it, answers 131062 for an authentication template to it, and names it in recipient_user_id.
/// </summary>
public sealed class UserIdRecipientTests
{
    private static readonly TemplateMessage LoginCode =
        new("login_code", "en_US", ["123456"], ImmutableSortedDictionary<string, string>.Empty);

    private static readonly TemplateMessage OrderUpdate =
        new("order_update", "en_US", ["12345"], ImmutableSortedDictionary<string, string>.Empty);

    [Fact]
    public async Task A_bsuid_goes_in_the_recipient_field_with_no_to()
    {
        await using var loop = await MetaLoop.Start();
        var userId = TestUserIds.Customer();
        await loop.Simulator.SimulateInbound(new SimulatedInbound(MetaLoop.BusinessNumber, "", "hi") { UserId = userId }, CancellationToken.None);

        var result = await loop.Send(new TextMessage("Hello"), to: userId);

        Assert.True(result.Accepted, result.Error?.Title);
        var body = Assert.Single(loop.Simulator.Received).Body!;
        Assert.Equal(userId, (string?)body["recipient"]);
        Assert.Null(body["to"]);
    }

    [Fact]
    public async Task A_phone_number_goes_in_to_with_no_recipient()
    {
        await using var loop = await MetaLoop.Start();

        await loop.Send(OrderUpdate);

        var body = Assert.Single(loop.Simulator.Received).Body!;
        Assert.Equal(MetaLoop.Customer, (string?)body["to"]);
        Assert.Null(body["recipient"]);
    }

    [Fact]
    public async Task The_simulator_answers_131062_for_an_authentication_template_to_a_bsuid_and_accepts_it_to_a_phone_number()
    {
        await using var loop = await MetaLoop.Start(simulator: o => o.TemplateCategories["login_code"] = "AUTHENTICATION");

        var toUserId = await loop.Send(LoginCode, to: TestUserIds.Customer());
        var toPhone = await loop.Send(LoginCode);

        Assert.False(toUserId.Accepted);
        Assert.Equal(MetaErrorClass.Permanent, toUserId.ErrorClass);
        Assert.Equal(131062, toUserId.Error!.Code);
        Assert.True(toPhone.Accepted, toPhone.Error?.Title);
    }

    [Fact]
    public async Task A_template_to_a_bsuid_is_answered_with_its_user_id_and_reported_in_recipient_user_id()
    {
        await using var loop = await MetaLoop.Start();
        var userId = TestUserIds.Customer();

        var result = await loop.Send(OrderUpdate, to: userId);

        Assert.True(result.Accepted, result.Error?.Title);
        await Eventually.True(() => loop.Receiver.StatusesOf(result.Wamid!).Count == 3, "three statuses");
        foreach (var status in loop.Receiver.StatusesOf(result.Wamid!))
        {
            Assert.Equal(userId, (string?)status["recipient_user_id"]);
            Assert.Null(status["recipient_id"]);
        }
    }

    [Fact]
    public async Task A_username_users_simulated_message_has_no_phone_number_and_opens_the_window_for_the_bsuid()
    {
        await using var loop = await MetaLoop.Start();
        var userId = TestUserIds.Customer();

        await loop.Simulator.SimulateInbound(new SimulatedInbound(MetaLoop.BusinessNumber, "", "hi") { UserId = userId }, CancellationToken.None);
        var reply = await loop.Send(new TextMessage("Hello"), to: userId);

        var value = Assert.Single(loop.Receiver.Accepted)["entry"]![0]!["changes"]![0]!["value"]!;
        Assert.Null(value["contacts"]![0]!["wa_id"]);
        Assert.Equal(userId, (string?)value["contacts"]![0]!["user_id"]);
        var message = value["messages"]![0]!;
        Assert.Null(message["from"]);
        Assert.Equal(userId, (string?)message["from_user_id"]);
        Assert.True(reply.Accepted, reply.Error?.Title);
    }

    [Theory]
    [InlineData("US.1349-1208")]
    [InlineData("US.ENT.11815799212886844830")]
    public async Task The_simulator_refuses_a_recipient_that_is_not_a_bsuid_with_100(string recipient)
    {
        await using var loop = await MetaLoop.Start();

        var result = await loop.Sender.Send(new OutboundMessage(MetaLoop.BusinessNumber, recipient, new TextMessage("hi"), "cnv.1"), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(100, result.Error!.Code);
    }
}
