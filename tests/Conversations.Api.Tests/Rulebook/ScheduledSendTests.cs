using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests.Rulebook;

/// <summary>
/// send_at holds a message and decides it at its send time against the window as it is then; the outcome is on the
/// message log. These tests move the shared clock, so every instant is computed from its current value.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ScheduledSendTests(ApiFactory api)
{
    private readonly RulebookSteps _steps = new(api);

    [Fact]
    public async Task Send_at_two_hours_ahead_is_held_as_SCHEDULED_and_nothing_is_sent_yet()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var sendAt = _steps.Now.AddHours(2);
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), sendAt);

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Scheduled, receipt.Status);
        Assert.Equal(Timestamp.FromDateTimeOffset(sendAt), receipt.ScheduledFor);
        Assert.False(string.IsNullOrEmpty(receipt.MessageId));
        Assert.Equal("", receipt.Wamid);
        Assert.Empty(_steps.SentTo(number, customer));
        var record = Assert.Single(await _steps.Messages(number, customer));
        Assert.Equal(V1.MessageStatus.Scheduled, record.Status);
        Assert.Equal(receipt.MessageId, record.MessageId);
        Assert.Equal(Timestamp.FromDateTimeOffset(sendAt), record.ScheduledFor);
        Assert.Null(record.DecidedAt);
    }

    [Fact]
    public async Task Scheduled_send_is_accepted_and_handed_to_Meta_when_its_time_comes()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var sendAt = _steps.Now.AddHours(2);
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), sendAt);
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Act
        api.Clock.Advance(TimeSpan.FromHours(2));
        var record = await _steps.Decided(number, customer, request.IdempotencyKey);

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, record.Status);
        Assert.Equal(V1.MessageKind.FreeForm, record.Kind);
        Assert.False(record.UsedFallback);
        Assert.Equal(Timestamp.FromDateTimeOffset(sendAt), record.DecidedAt);
        Assert.Null(record.Refusal);
        var sent = Assert.Single(_steps.SentTo(number, customer));
        Assert.Equal(receipt.MessageId, sent.MessageId);
        Assert.IsType<TextMessage>(sent.Content);
        Assert.Equal(api.WhatsApp.WamidOf(receipt.MessageId), record.Wamid);
    }

    [Fact]
    public async Task Scheduled_free_form_crossing_the_window_expiry_without_fallback_fails_with_WINDOW_CLOSED()
    {
        // Arrange: the window closes in one hour, the send is due in two.
        var (number, customer) = await _steps.Conversation(TimeSpan.FromHours(23));
        var closesAt = _steps.Now.AddHours(1);
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddHours(2));
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Act
        api.Clock.Advance(TimeSpan.FromHours(2));
        var record = await _steps.Decided(number, customer, request.IdempotencyKey);

        // Assert
        Assert.Equal(V1.MessageStatus.Scheduled, receipt.Status);
        Assert.Equal(V1.MessageStatus.Failed, record.Status);
        Assert.Equal("WINDOW_CLOSED", record.Refusal.Reason);
        Assert.Equal("FAILED_PRECONDITION", record.Refusal.Status);
        Assert.Equal("131047", record.Refusal.WhatsappCode);
        Assert.Equal(RulebookSteps.Rfc3339(closesAt), record.Refusal.Metadata["window_closed_at"]);
        Assert.False(record.UsedFallback);
        Assert.Empty(_steps.SentTo(number, customer));
    }

    [Fact]
    public async Task Scheduled_free_form_crossing_the_window_expiry_goes_as_its_fallback_template()
    {
        // Arrange
        var (number, customer) = await _steps.Conversation(TimeSpan.FromHours(23));
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddHours(2));
        request.FallbackTemplate = RulebookSteps.ShippingUpdateContent("A-1042");
        await api.Conversations.SendAsync(request);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(2));
        var record = await _steps.Decided(number, customer, request.IdempotencyKey);

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, record.Status);
        Assert.Equal(V1.MessageKind.Template, record.Kind);
        Assert.True(record.UsedFallback);
        Assert.Equal(RulebookSteps.ShippingUpdate, record.TemplateName);
        Assert.Equal(V1.TemplateCategory.Utility, record.TemplateCategory);
        var sent = Assert.IsType<TemplateMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
        Assert.Equal(RulebookSteps.ShippingUpdate, sent.Name);
    }

    [Fact]
    public async Task Cancelled_scheduled_send_is_CANCELLED_and_never_sent()
    {
        // Arrange: a second send due at the same instant shows when the due time has been processed.
        var (number, customer) = await _steps.OpenConversation();
        var sendAt = _steps.Now.AddHours(2);
        var cancelled = RulebookSteps.At(RulebookSteps.Text(number, customer, "cancel me"), sendAt);
        var kept = RulebookSteps.At(RulebookSteps.Text(number, customer, "keep me"), sendAt);
        var scheduled = (await api.Conversations.SendAsync(cancelled)).Receipt;
        await api.Conversations.SendAsync(kept);

        // Act
        var record = (await api.Conversations.CancelScheduledSendAsync(Cancel(number, customer, cancelled.IdempotencyKey))).Message;
        api.Clock.Advance(TimeSpan.FromHours(2));
        await _steps.Decided(number, customer, kept.IdempotencyKey);
        var log = await _steps.Messages(number, customer);

        // Assert
        Assert.Equal(V1.MessageStatus.Cancelled, record.Status);
        Assert.Equal(scheduled.MessageId, record.MessageId);
        Assert.Equal(cancelled.IdempotencyKey, record.IdempotencyKey);
        Assert.Equal(V1.MessageStatus.Cancelled, log.Single(m => m.IdempotencyKey == cancelled.IdempotencyKey).Status);
        var sent = Assert.Single(_steps.SentTo(number, customer));
        Assert.Equal("keep me", Assert.IsType<TextMessage>(sent.Content).Body);
    }

    [Fact]
    public async Task Cancel_of_an_unknown_key_is_NOT_FOUND_SCHEDULED_SEND_NOT_FOUND()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var key = Scenario.NewKey();

        // Act
        var info = await Refused.With(StatusCode.NotFound, "SCHEDULED_SEND_NOT_FOUND",
            () => api.Conversations.CancelScheduledSendAsync(Cancel(number, customer, key)).ResponseAsync);

        // Assert
        Assert.Equal(key, info.Metadata["idempotency_key"]);
    }

    [Fact]
    public async Task Cancel_of_an_accepted_message_is_FAILED_PRECONDITION_NOT_CANCELLABLE()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.Text(number, customer);
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "NOT_CANCELLABLE",
            () => api.Conversations.CancelScheduledSendAsync(Cancel(number, customer, request.IdempotencyKey)).ResponseAsync);

        // Assert
        Assert.Equal("ACCEPTED", info.Metadata["status"]);
        Assert.Equal(receipt.MessageId, info.Metadata["message_id"]);
        Assert.Equal(V1.MessageStatus.Accepted, Assert.Single(await _steps.Messages(number, customer)).Status);
    }

    [Fact]
    public async Task Send_at_31_days_ahead_is_refused_as_INVALID_FIELD_send_at()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddDays(31));

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD",
            () => api.Conversations.SendAsync(request).ResponseAsync);

        // Assert
        Assert.Equal("send_at", info.Metadata["field"]);
        Assert.Equal("max_ahead", info.Metadata["rule"]);
        Assert.Empty(await _steps.Messages(number, customer));
    }

    [Fact]
    public async Task Send_at_exactly_30_days_ahead_is_scheduled()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddDays(30));

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Scheduled, receipt.Status);
        await api.Conversations.CancelScheduledSendAsync(Cancel(number, customer, request.IdempotencyKey));
    }

    [Fact]
    public async Task Scheduled_send_retried_with_its_key_replays_the_SCHEDULED_receipt()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddHours(2));
        var first = (await api.Conversations.SendAsync(request)).Receipt;

        // Act
        var again = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.True(again.Replayed);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(V1.MessageStatus.Scheduled, again.Status);
        Assert.Single(await _steps.Messages(number, customer));
        await api.Conversations.CancelScheduledSendAsync(Cancel(number, customer, request.IdempotencyKey));
    }

    [Fact]
    public async Task Scheduled_send_is_decided_at_its_time_so_a_customer_writing_meanwhile_lets_free_form_go()
    {
        // Arrange: the window is closed when the send is requested; the customer writes an hour before it is due.
        var (number, customer) = await _steps.ClosedConversation();
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddHours(2));
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;
        api.Clock.Advance(TimeSpan.FromHours(1));
        await new Scenario(api).RecordInbound(number.BusinessNumberId, customer, _steps.Now);

        // Act
        api.Clock.Advance(TimeSpan.FromHours(1));
        var record = await _steps.Decided(number, customer, request.IdempotencyKey);

        // Assert
        Assert.Equal(V1.MessageStatus.Scheduled, receipt.Status);
        Assert.Equal(V1.MessageStatus.Accepted, record.Status);
        Assert.Equal(V1.MessageKind.FreeForm, record.Kind);
        Assert.IsType<TextMessage>(Assert.Single(_steps.SentTo(number, customer)).Content);
    }

    [Fact]
    public async Task Scheduled_send_with_invalid_content_is_refused_at_request_time()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.At(FreeFormSamples.Request(FreeFormSamples.Buttons, number, customer), _steps.Now.AddHours(2));
        request.Buttons = FreeFormSamples.ReplyButtons(4);

        // Act
        var info = await Refused.With(StatusCode.InvalidArgument, "TOO_MANY_ITEMS",
            () => api.Conversations.SendAsync(request).ResponseAsync);

        // Assert
        Assert.Equal("interactive.buttons", info.Metadata["field"]);
        Assert.Empty(await _steps.Messages(number, customer));
    }

    [Fact]
    public async Task Scheduled_template_paused_at_its_time_fails_with_TEMPLATE_PAUSED()
    {
        // Arrange
        var number = await _steps.NumberWithTemplate();
        var customer = TestNumbers.Customer();
        var request = RulebookSteps.At(RulebookSteps.Template(number, customer, "A-1042"), _steps.Now.AddHours(2));
        await api.Conversations.SendAsync(request);
        await api.Templates.SetTemplateStatusAsync(new V1.SetTemplateStatusRequest
        {
            WabaId = number.WabaId,
            Name = RulebookSteps.ShippingUpdate,
            Language = RulebookSteps.Language,
            Status = V1.TemplateStatus.Paused,
        });

        // Act
        api.Clock.Advance(TimeSpan.FromHours(2));
        var record = await _steps.Decided(number, customer, request.IdempotencyKey);

        // Assert
        Assert.Equal(V1.MessageStatus.Failed, record.Status);
        Assert.Equal("TEMPLATE_PAUSED", record.Refusal.Reason);
        Assert.Equal("132015", record.Refusal.WhatsappCode);
        Assert.Empty(_steps.SentTo(number, customer));
    }

    [Fact]
    public async Task Scheduled_send_Meta_rejects_at_its_time_is_FAILED_with_META_REJECTED_on_the_log()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddHours(2));
        await api.Conversations.SendAsync(request);
        api.WhatsApp.AnswerFor(customer, DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131026, "Message undeliverable", null)));
        try
        {
            // Act
            api.Clock.Advance(TimeSpan.FromHours(2));
            var record = await _steps.Decided(number, customer, request.IdempotencyKey);

            // Assert
            Assert.Equal(V1.MessageStatus.Failed, record.Status);
            Assert.Equal("META_REJECTED", record.Refusal.Reason);
            Assert.Equal("131026", record.Refusal.Metadata["whatsapp_code"]);
            Assert.Equal(131026, record.MetaError.Code);
        }
        finally
        {
            api.WhatsApp.Clear(customer);
        }
    }

    [Fact]
    public async Task Send_at_in_the_past_is_decided_and_sent_now()
    {
        // Arrange
        var (number, customer) = await _steps.OpenConversation();
        var request = RulebookSteps.At(RulebookSteps.Text(number, customer), _steps.Now.AddMinutes(-5));

        // Act
        var receipt = (await api.Conversations.SendAsync(request)).Receipt;

        // Assert
        Assert.Equal(V1.MessageStatus.Accepted, receipt.Status);
        Assert.Equal(V1.MessageKind.FreeForm, receipt.Kind);
        Assert.Single(_steps.SentTo(number, customer));
    }

    private static V1.CancelScheduledSendRequest Cancel(V1.BusinessNumber number, string customer, string key) => new()
    {
        BusinessNumberId = number.BusinessNumberId,
        Customer = customer,
        IdempotencyKey = key,
    };
}
