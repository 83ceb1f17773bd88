using Conversations.Api.Tests.Streaming;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>EraseCustomer over the api: the customer's conversation goes, a Subscribe replay no longer has it, bad input is refused as everywhere.</summary>
[Collection(ApiCollection.Name)]
public sealed class EraseCustomerTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task EraseCustomer_reports_what_it_erased_and_the_customer_is_then_a_stranger()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "We are on it."));
        var later = Scenario.Text(number.BusinessNumberId, customer, "Your table is ready.");
        later.SendAt = Timestamp.FromDateTimeOffset(_scenario.Now.AddHours(2));
        await api.Conversations.SendAsync(later);

        // Act
        var erased = await api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = number.BusinessNumberId, Customer = "+" + customer });

        // Assert
        Assert.Equal(
            new V1.EraseCustomerResponse
            {
                BusinessNumberId = number.BusinessNumberId,
                Customer = customer,
                ConversationExisted = true,
                MessagesErased = 2,
                ScheduledSendsCancelled = 1,
                EventsErased = 2,
                UsageMarkersErased = 1,
                MessagingLimitReachErased = false,
            },
            erased);
        var conversation = await _scenario.Get(number.BusinessNumberId, customer);
        Assert.Equal((false, null, null), (conversation.WindowOpen, conversation.WindowExpiresAt, conversation.LastInboundAt));
        Assert.Empty((await api.Conversations.ListMessagesAsync(new V1.ListMessagesRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer })).Messages);
    }

    [Fact]
    public async Task A_Subscribe_replay_after_the_erasure_has_the_other_customers_events_and_none_of_the_erased_customers()
    {
        // Arrange
        var (number, erased) = await _scenario.OpenConversation();
        var other = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, other, _scenario.Now);
        await api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = number.BusinessNumberId, Customer = erased });
        var last = Scenario.Inbound(number.BusinessNumberId, other, _scenario.Now);
        await api.Conversations.RecordInboundAsync(last);

        // Act: the replay is complete once the last message, written after the erasure, arrives.
        await using var replay = await EventSubscription.Start(api, number.BusinessNumberId, afterPosition: 0);
        var replayed = await replay.WaitFor(events => events.Any(e => e.MessageId == last.MessageId));

        // Assert
        Assert.DoesNotContain(replayed, e => e.Customer == erased);
        Assert.Equal(3, replayed.Count(e => e.Customer == other));
        Assert.DoesNotContain(replayed, e => e.EventsMissedBefore);
    }

    [Fact]
    public async Task Erasing_a_customer_who_never_wrote_succeeds_with_nothing_erased()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();

        // Act
        var erased = await api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = number.BusinessNumberId, Customer = customer });

        // Assert
        Assert.Equal(new V1.EraseCustomerResponse { BusinessNumberId = number.BusinessNumberId, Customer = customer }, erased);
    }

    [Theory]
    [InlineData("not-a-number", "+16505551234", StatusCode.InvalidArgument, "INVALID_BUSINESS_NUMBER_ID")]
    [InlineData("", "+16505551234", StatusCode.InvalidArgument, "MISSING_FIELD")]
    [InlineData(null, "+1 650 555", StatusCode.InvalidArgument, "INVALID_CUSTOMER")]
    [InlineData(null, "", StatusCode.InvalidArgument, "MISSING_FIELD")]
    public async Task A_malformed_request_is_refused_before_anything_is_erased(string? businessNumberId, string customer, StatusCode code, string reason)
    {
        // Arrange
        var number = (await _scenario.RegisterNumber()).BusinessNumberId;

        // Act, Assert
        await Refused.With(code, reason, () =>
            api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = businessNumberId ?? number, Customer = customer }).ResponseAsync);
    }

    [Fact]
    public async Task Erasing_on_a_number_nobody_registered_is_NOT_FOUND_UNKNOWN_BUSINESS_NUMBER()
    {
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () =>
            api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = TestNumbers.BusinessNumberId(), Customer = TestNumbers.Customer() }).ResponseAsync);
    }
}
