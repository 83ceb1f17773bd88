using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>A retried send with its idempotency key gets the first answer and sends nothing again.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFactory api)
{
    private readonly Scenario _scenario = new(api);

    [Fact]
    public async Task Same_key_and_same_content_replays_the_first_receipt()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var send = Scenario.Text(number.BusinessNumberId, customer, "Your order has shipped");
        var first = (await api.Conversations.SendAsync(send)).Receipt;

        // Act
        var retry = (await api.Conversations.SendAsync(send)).Receipt;

        // Assert
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.Equal(first.Kind, retry.Kind);
        Assert.Equal(first.AcceptedAt, retry.AcceptedAt);
    }

    [Fact]
    public async Task A_caller_giving_up_while_Meta_answers_does_not_cut_off_the_send_and_a_retry_returns_its_wamid()
    {
        // Arrange: Meta holds the send until the caller has given up.
        var (number, customer) = await _scenario.OpenConversation();
        var send = Scenario.Text(number.BusinessNumberId, customer, "Your order has shipped", "deadline-key");
        var held = api.WhatsApp.HoldNext(customer);
        using var caller = new CancellationTokenSource();
        var call = api.Conversations.SendAsync(send, cancellationToken: caller.Token).ResponseAsync;
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await caller.CancelAsync(); // as a deadline passing would: the server's call is cancelled while Meta answers
        Assert.Contains((await Assert.ThrowsAsync<RpcException>(() => call)).StatusCode, new[] { StatusCode.DeadlineExceeded, StatusCode.Cancelled });

        // Act: Meta answers after the deadline; the caller retries with the same key.
        held.Released.SetResult();
        var retry = (await api.Conversations.SendAsync(send)).Receipt;

        // Assert
        Assert.True(retry.Replayed);
        Assert.Equal(V1.MessageStatus.Accepted, retry.Status);
        Assert.False(string.IsNullOrEmpty(retry.Wamid));
        Assert.Single(api.WhatsApp.SentTo(customer));
    }

    [Fact]
    public async Task Same_key_and_different_content_is_refused_as_IDEMPOTENCY_CONFLICT()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var first = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "first", "order-42"))).Receipt;

        // Act
        var info = await Refused.With(StatusCode.AlreadyExists, "IDEMPOTENCY_CONFLICT",
            () => api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "second", "order-42")).ResponseAsync);

        // Assert
        Assert.Equal("order-42", info.Metadata["idempotency_key"]);
        Assert.Equal(first.MessageId, info.Metadata["message_id"]);
    }

    [Fact]
    public async Task Same_key_for_a_template_after_a_text_is_refused_as_IDEMPOTENCY_CONFLICT()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "first", "k-1"));
        var template = Scenario.Template(number.BusinessNumberId, customer, "order_update", "en_US", "A-1");
        template.IdempotencyKey = "k-1";

        // Act + Assert
        await Refused.With(StatusCode.AlreadyExists, "IDEMPOTENCY_CONFLICT", () => api.Conversations.SendAsync(template).ResponseAsync);
    }

    [Fact]
    public async Task Retry_after_the_window_closed_still_gets_the_first_receipt()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var send = Scenario.Text(number.BusinessNumberId, customer, "sent while open");
        var first = (await api.Conversations.SendAsync(send)).Receipt;
        api.Clock.Advance(TimeSpan.FromHours(25));

        // Act
        var retry = (await api.Conversations.SendAsync(send)).Receipt;

        // Assert
        Assert.True(retry.Replayed);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.False(retry.Conversation.WindowOpen);
    }

    [Fact]
    public async Task Refused_send_does_not_use_up_its_key()
    {
        // Arrange
        var number = await _scenario.RegisterNumber();
        var customer = TestNumbers.Customer();
        var send = Scenario.Text(number.BusinessNumberId, customer, "hello");
        await Refused.With(StatusCode.FailedPrecondition, "WINDOW_CLOSED", () => api.Conversations.SendAsync(send).ResponseAsync);
        await _scenario.RecordInbound(number.BusinessNumberId, customer, _scenario.Now);

        // Act
        var receipt = (await api.Conversations.SendAsync(send)).Receipt;

        // Assert
        Assert.False(receipt.Replayed);
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
    }

    [Fact]
    public async Task Keys_belong_to_one_conversation()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();
        var other = TestNumbers.Customer();
        await _scenario.RecordInbound(number.BusinessNumberId, other, _scenario.Now);

        // Act
        var first = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "hi", "shared-key"))).Receipt;
        var second = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, other, "hi", "shared-key"))).Receipt;

        // Assert
        Assert.False(second.Replayed);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    [Fact]
    public async Task Different_keys_with_the_same_content_are_two_messages()
    {
        // Arrange
        var (number, customer) = await _scenario.OpenConversation();

        // Act
        var first = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "same"))).Receipt;
        var second = (await api.Conversations.SendAsync(Scenario.Text(number.BusinessNumberId, customer, "same"))).Receipt;

        // Assert
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.False(second.Replayed);
    }
}
