using System.Globalization;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>The rule the service exists for: free-form text only while the customer's 24-hour window is open.</summary>
[Collection(ApiCollection.Name)]
public sealed class FreeFormSendTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task Text_send_inside_the_window_is_accepted_as_free_form()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddMinutes(-5));

        // Act
        var receipt = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "Your order has shipped"))).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
        Assert.False(string.IsNullOrEmpty(receipt.MessageId));
        Assert.False(receipt.Replayed);
        Assert.True(receipt.Conversation.WindowOpen);
        Assert.Equal(_scenario.Now, receipt.AcceptedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Window_expires_24h_after_the_customers_send_time()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var sentAt = _scenario.Now.AddHours(-3).AddMilliseconds(-250);
        await _scenario.RecordInbound(number.BusinessNumberId, customer, sentAt);

        // Act
        var conversation = await _scenario.Get(number.BusinessNumberId, customer);

        // Assert
        Assert.True(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(sentAt), conversation.LastInboundAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(sentAt.AddHours(24)), conversation.WindowExpiresAt);
        Assert.Null(conversation.WindowClosedAt);
    }

    [Fact]
    public async Task Customer_with_and_without_plus_addresses_the_same_conversation()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var waId = TestNumbers.Customer();
        var sentAt = _scenario.Now.AddMinutes(-1);

        // Act
        var recorded = await _scenario.RecordInbound(number.BusinessNumberId, "+" + waId, sentAt);
        var read = await _scenario.Get(number.BusinessNumberId, waId);
        var receipt = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, waId, "hi"))).Receipt;

        // Assert
        Assert.Equal(waId, recorded.Customer);
        Assert.Equal(number.BusinessNumberId, recorded.BusinessNumberId);
        Assert.Equal(recorded, read);
        Assert.Equal(waId, receipt.Conversation.Customer);
        Assert.True(receipt.Conversation.WindowOpen);
    }

    [Fact]
    public async Task Text_send_to_an_inbound_sent_25h_ago_is_refused_with_131047()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var sentAt = _scenario.Now.AddHours(-25);
        await _scenario.RecordInbound(number.BusinessNumberId, customer, sentAt);

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "too late")).ResponseAsync);

        // Assert
        Assert.Equal("131047", info.Metadata["whatsapp_code"]);
        Assert.Equal(sentAt.AddHours(24), DateTimeOffset.Parse(info.Metadata["window_closed_at"], CultureInfo.InvariantCulture));
        var conversation = await _scenario.Get(number.BusinessNumberId, customer);
        Assert.False(conversation.WindowOpen);
        Assert.Equal(Timestamp.FromDateTimeOffset(sentAt.AddHours(24)), conversation.WindowClosedAt);
    }

    [Fact]
    public async Task Text_send_24h_after_a_fresh_inbound_is_refused_with_131047()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var sentAt = _scenario.Now;
        await _scenario.RecordInbound(number.BusinessNumberId, customer, sentAt);
        await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "still open"));

        // Act
        api.Clock.Advance(TimeSpan.FromHours(24));
        var info = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "closed now")).ResponseAsync);

        // Assert
        Assert.Equal("131047", info.Metadata["whatsapp_code"]);
        Assert.Equal(sentAt.AddHours(24), DateTimeOffset.Parse(info.Metadata["window_closed_at"], CultureInfo.InvariantCulture));
        Assert.False((await _scenario.Get(number.BusinessNumberId, customer)).WindowOpen);
    }

    [Fact]
    public async Task Window_is_open_one_tick_before_24h_and_closed_at_24h()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));
        var lastMoment = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "just in time"))).Receipt;
        api.Clock.Advance(TimeSpan.FromTicks(1));

        // Assert
        Assert.Equal(V1.MessageKind.FreeForm, lastMoment.Kind);
        await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "too late")).ResponseAsync);
    }

    [Fact]
    public async Task Text_send_to_a_customer_who_never_wrote_is_refused_with_131047()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hello?")).ResponseAsync);

        // Assert
        Assert.Equal("131047", info.Metadata["whatsapp_code"]);
        Assert.False(info.Metadata.ContainsKey("window_closed_at"));
        var conversation = await _scenario.Get(number.BusinessNumberId, customer);
        Assert.False(conversation.WindowOpen);
        Assert.Null(conversation.WindowExpiresAt);
        Assert.Null(conversation.LastInboundAt);
    }

    [Fact]
    public async Task A_new_inbound_reopens_a_closed_window()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now.AddHours(-30));

        // Act
        var reopened = await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now);
        var receipt = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "welcome back"))).Receipt;

        // Assert
        Assert.True(reopened.WindowOpen);
        Assert.Null(reopened.WindowClosedAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(_scenario.Now.AddHours(24)), reopened.WindowExpiresAt);
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
    }

    [Fact]
    public async Task An_older_inbound_never_shrinks_the_window()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var latest = _scenario.Now.AddMinutes(-1);
        await _scenario.RecordInbound(number.BusinessNumberId, customer, latest);

        // Act
        var afterOlder = await _scenario.RecordInbound(number.BusinessNumberId, customer, latest.AddHours(-20));

        // Assert
        Assert.Equal(Timestamp.FromDateTimeOffset(latest), afterOlder.LastInboundAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(latest.AddHours(24)), afterOlder.WindowExpiresAt);
    }

    [Fact]
    public async Task Inbound_sent_in_the_future_counts_from_its_arrival()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var arrival = _scenario.Now;

        // Act
        var conversation = await _scenario.RecordInbound(number.BusinessNumberId, customer, arrival.AddHours(2));

        // Assert
        Assert.Equal(Timestamp.FromDateTimeOffset(arrival), conversation.LastInboundAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(arrival.AddHours(24)), conversation.WindowExpiresAt);
    }

    [Fact]
    public async Task Reaction_does_not_open_the_window_by_default()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();

        // Act
        var conversation = await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now, type: "reaction");

        // Assert
        Assert.False(conversation.WindowOpen);
        Assert.Null(conversation.LastInboundAt);
        await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "thanks for the 👍")).ResponseAsync);
    }

    [Fact]
    public async Task Redelivered_inbound_message_id_changes_nothing()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var first = Scenario.Inbound(number.BusinessNumberId, customer, _scenario.Now.AddHours(-1));
        var before = (await api.Conversations.RecordInboundAsync(first)).Conversation;
        var redelivery = first.Clone();
        redelivery.SentAt = Timestamp.FromDateTimeOffset(_scenario.Now);

        // Act
        var after = (await api.Conversations.RecordInboundAsync(redelivery)).Conversation;

        // Assert
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Text_of_4096_characters_is_accepted()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();

        // Act
        var receipt = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, new string('a', 4096)))).Receipt;

        // Assert
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
        Assert.False(string.IsNullOrEmpty(receipt.MessageId));
    }

    [Fact]
    public async Task Text_of_4097_characters_is_refused_as_TEXT_TOO_LONG()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TEXT_TOO_LONG",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, new string('a', 4097))).ResponseAsync);

        // Assert
        Assert.Equal("4096", info.Metadata["limit"]);
        Assert.Equal("4097", info.Metadata["length"]);
    }
}
