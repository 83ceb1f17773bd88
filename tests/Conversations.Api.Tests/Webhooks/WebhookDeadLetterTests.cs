using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Api.Webhooks.Events;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>
/// An event the api acknowledges but cannot apply is not lost: it is kept in its number's dead letters, with its reason
/// and the event as Meta sent it, readable with ListDeadLetters and counted.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookDeadLetterTests(ApiFactory api)
{
    private readonly MetaWebhook _meta = new(api);
    private readonly WebhookScenario _scenario = new(api);

    private V1.BusinessNumbersService.BusinessNumbersServiceClient Numbers => new(api.Channel);

    private static JsonNode ValueOf(JsonNode payload) => payload["entry"]![0]!["changes"]![0]!["value"]!;

    private async Task<IReadOnlyList<V1.DeadLetter>> DeadLetters(string businessNumberId, int limit = 0) =>
        (await Numbers.ListDeadLettersAsync(new V1.ListDeadLettersRequest { BusinessNumberId = businessNumberId, Limit = limit })).DeadLetters;

    [Fact]
    public async Task Status_of_a_group_message_is_kept_as_a_group_recipient_not_refused_as_an_invalid_customer()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var reported = MetaPayload.Status(MetaPayload.NewWamid(), "read", "120363040000000001", _scenario.Now);
        reported["recipient_type"] = "group";

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, statuses: [reported]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, counters.Rejected("INVALID_CUSTOMER"));
        Assert.Equal(1, counters.DeadLettered(UnappliedEvent.GroupRecipient));
        Assert.Equal(UnappliedEvent.GroupRecipient, Assert.Single(await DeadLetters(number.BusinessNumberId)).Reason);
    }

    [Fact]
    public async Task An_event_the_rules_refuse_is_kept_with_the_refusal_reason()
    {
        // Arrange
        using var counters = new WebhookCounters(api);
        var number = await _scenario.Api.RegisterNumber();
        var customer = WebhookScenario.NewCustomer();
        var message = MetaPayload.Text(customer, _scenario.Now, body: new string('x', 65_537));

        // Act
        var status = await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [message]));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, counters.Rejected("TEXT_TOO_LONG"));
        Assert.Equal(1, counters.DeadLettered("TEXT_TOO_LONG"));
        var letter = Assert.Single(await DeadLetters(number.BusinessNumberId));
        Assert.Equal("TEXT_TOO_LONG", letter.Reason);
        Assert.Contains("text", letter.Detail, StringComparison.Ordinal);
        // The default keeps 16,384 characters of an event: the 65 KB text is cut.
        Assert.True(letter.Truncated);
        Assert.Equal(16_384, letter.Event.Length);
        Assert.StartsWith($"{{\"from\":\"{customer}\"", letter.Event, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_letters_are_listed_newest_first_up_to_the_limit()
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();
        var statuses = Enumerable.Range(0, 3).Select(_ =>
        {
            var reported = MetaPayload.Status(MetaPayload.NewWamid(), "sent", "120363040000000001", _scenario.Now);
            reported["recipient_type"] = "group";
            return reported;
        }).ToList();
        var wamids = statuses.Select(s => (string)s["id"]!).ToList();
        foreach (var reported in statuses)
        {
            Assert.Equal(HttpStatusCode.OK, await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, statuses: [reported])));
        }

        // Act
        var newestTwo = await DeadLetters(number.BusinessNumberId, limit: 2);

        // Assert
        Assert.Equal([wamids[2], wamids[1]], newestTwo.Select(l => (string)JsonNode.Parse(l.Event)!["id"]!));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_001)]
    public async Task A_limit_outside_0_to_1000_is_refused_with_the_field(int limit)
    {
        // Arrange
        var number = await _scenario.Api.RegisterNumber();

        // Act + Assert
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", () => DeadLetters(number.BusinessNumberId, limit));
        Assert.Equal("limit", info.Metadata["field"]);
    }

    [Fact]
    public async Task A_number_that_was_never_registered_is_refused()
    {
        // Act + Assert
        await Refused.With(StatusCode.NotFound, "UNKNOWN_BUSINESS_NUMBER", () => DeadLetters(Conversations.Testing.TestNumbers.BusinessNumberId()));
    }

    [Fact]
    public async Task A_business_number_id_that_is_not_Metas_numeric_id_is_refused()
    {
        // Act + Assert
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_BUSINESS_NUMBER_ID", () => DeadLetters("not-a-number"));
        Assert.Equal("business_number_id", info.Metadata["field"]);
    }

    [Fact]
    public async Task Erasing_a_customer_removes_the_dead_letters_that_name_them_and_keeps_the_others()
    {
        // Arrange: two customers each send a text the rules refuse; both are kept as dead letters.
        var number = await _scenario.Api.RegisterNumber();
        var (erased, kept) = (WebhookScenario.NewCustomer(), WebhookScenario.NewCustomer());
        foreach (var customer in new[] { erased, kept, erased })
        {
            await _meta.Post(MetaPayload.Messages(number.BusinessNumberId, [MetaPayload.Text(customer, _scenario.Now, body: new string('x', 65_537))]));
        }

        // Act
        var erasure = await api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = number.BusinessNumberId, Customer = erased });
        var again = await api.Conversations.EraseCustomerAsync(new V1.EraseCustomerRequest { BusinessNumberId = number.BusinessNumberId, Customer = erased });

        // Assert
        Assert.Equal((2, 0), (erasure.DeadLettersErased, again.DeadLettersErased));
        var left = Assert.Single(await DeadLetters(number.BusinessNumberId));
        Assert.Contains($"\"{kept}\"", left.Event, StringComparison.Ordinal);
        Assert.DoesNotContain(erased, left.Event, StringComparison.Ordinal);
    }
}
