using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

/// <summary>Accepting a send, idempotency, and what Meta's answer to it does to the conversation.</summary>
public sealed class SendModelTests
{
    private static readonly ChargeEstimate Estimate = new("service", "free_customer_service", 0m, "USD", "US", "PMP");

    [Fact]
    public async Task An_accepted_send_is_recorded_as_being_dispatched_before_Meta_is_called()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();

        var accepted = await conversation.Send(Text());

        var receipt = Ok(accepted.Answer);
        Assert.True(accepted.Changed);
        Assert.True(conversation.State.LogStarted);
        Assert.True(Assert.Single(accepted.Logged).Dispatching);
        Assert.Equal(MessageStatus.Accepted, receipt.Status);
        Assert.Equal(new OutboundMessage(BusinessNumberId, "447911123456", new TextMessage("Thanks, we are on it."), receipt.MessageId), accepted.Dispatch);
        Assert.True(Assert.Single(conversation.Model.Messages).Dispatching);
    }

    [Fact]
    public async Task Metas_acceptance_records_the_wamid_and_the_charge_and_ends_the_dispatch()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var accepted = await conversation.Send(Text());

        var recorded = conversation.Model.RecordDispatch(accepted.Dispatch!.MessageId, DispatchResult.AcceptedAs("wamid.out"), Estimate, conversation.Now);

        var entry = recorded.Answer.Value!;
        Assert.Equal(entry, Assert.Single(recorded.Logged).Entry);
        Assert.False(recorded.Changed);
        Assert.Equal("wamid.out", entry.Wamid);
        Assert.Equal(Estimate, entry.Charge);
        Assert.False(Assert.Single(conversation.Model.Messages).Dispatching);
        Assert.Empty(conversation.Model.Unpriced());
    }

    [Fact]
    public async Task A_message_Meta_took_whose_pricing_failed_is_offered_for_pricing_again_at_its_decision_time()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var accepted = await conversation.Send(Text());
        conversation.Model.RecordDispatch(accepted.Dispatch!.MessageId, DispatchResult.AcceptedAs("wamid.out"), charge: null, conversation.Now);

        var unpriced = Assert.Single(conversation.Model.Unpriced());
        var request = conversation.Model.ChargeRequest(unpriced.MessageId, unpriced.DecidedAt!.Value);
        conversation.Model.RecordCharge(unpriced.MessageId, Estimate);

        Assert.Equal(new ChargeRequest(BusinessNumberId, "447911123456", unpriced.MessageId, MessageKind.FreeForm, null, WindowOpen: true, EntryPointOpen: false, conversation.Now), request);
        Assert.Empty(conversation.Model.Unpriced());
    }

    [Fact]
    public async Task The_same_key_and_content_replays_the_first_receipt_even_after_the_window_closed()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var first = Ok(await conversation.SendAnswered(Text("order-42"), DispatchResult.AcceptedAs("wamid.1")));
        conversation.Advance(TimeSpan.FromHours(25));

        var replay = conversation.Model.Receive(Text("order-42"), conversation.Now);

        var receipt = Ok(replay!.Answer);
        Assert.True(receipt.Replayed);
        Assert.Equal(first.MessageId, receipt.MessageId);
        Assert.Equal("wamid.1", receipt.Wamid);
        Assert.False(replay.Changed);
        Assert.Null(replay.Dispatch);
    }

    [Fact]
    public async Task The_same_key_with_other_content_is_an_idempotency_conflict_naming_the_first_message()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var first = Ok(await conversation.SendAnswered(Text("order-42"), DispatchResult.AcceptedAs("wamid.1")));

        var refusal = Refused(conversation.Model.Receive(Text("order-42", "Something else"), conversation.Now)!.Answer, RefusalReason.IdempotencyConflict);

        Assert.Equal(first.MessageId, refusal.Metadata["message_id"]);
        Assert.Equal("order-42", refusal.Metadata["idempotency_key"]);
    }

    [Fact]
    public async Task A_permanent_Meta_error_is_answered_again_for_the_same_key()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var rejected = DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131026, "Message undeliverable", null));

        var first = Refused(await conversation.SendAnswered(Text("k"), rejected), RefusalReason.MetaRejected);
        var again = conversation.Model.Receive(Text("k"), conversation.Now);

        Assert.Equal("131026", first.Metadata["whatsapp_code"]);
        Assert.Equal(first, Refused(again!.Answer, RefusalReason.MetaRejected));
    }

    [Theory]
    [InlineData(MetaErrorClass.RateLimited, RefusalReason.MetaRateLimited)]
    [InlineData(MetaErrorClass.Transient, RefusalReason.MetaUnavailable)]
    public async Task A_retryable_Meta_failure_lets_the_same_key_try_again(MetaErrorClass errorClass, RefusalReason reason)
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        Refused(await conversation.SendAnswered(Text("k"), DispatchResult.Failed(errorClass, new MetaError(130429, "Rate limit hit", null))), reason);

        var retry = await conversation.Send(Text("k"));

        Assert.NotNull(retry.Dispatch);
        Assert.Single(conversation.Model.Messages);
    }

    [Fact]
    public async Task A_refused_send_stores_nothing_so_its_key_stays_free()
    {
        var conversation = new ModelDriver();

        Refused((await conversation.Send(Text("k"))).Answer, RefusalReason.WindowClosed);
        Assert.Empty(conversation.Model.Messages);
        conversation.InboundNow();

        Assert.NotNull((await conversation.Send(Text("k"))).Dispatch);
    }

    [Fact]
    public void A_send_without_an_idempotency_key_is_refused_before_any_decision() =>
        Refused(new ModelDriver().Model.Receive(new SendCommand("", new TextMessage("hi")), T0)!.Answer, RefusalReason.MissingField);

    [Fact]
    public void A_fallback_template_on_template_content_is_refused_before_any_decision()
    {
        var refusal = Refused(new ModelDriver().Model.Receive(new SendCommand("k", Template("t")) { FallbackTemplate = Template("fallback") }, T0)!.Answer, RefusalReason.InvalidField);

        Assert.Equal("fallback_template", refusal.Metadata["field"]);
    }

    [Fact]
    public void Evaluate_checks_the_command_without_requiring_an_idempotency_key()
    {
        var conversation = new ModelDriver();

        Assert.Null(conversation.Model.CheckCommand(new SendCommand("", new TextMessage("hi")), requireKey: false));
        Assert.Equal(RefusalReason.MissingField, conversation.Model.CheckCommand(new SendCommand("", new TextMessage("hi")), requireKey: true)!.Reason);
    }

    [Fact]
    public async Task Metas_131047_closes_the_window_at_that_instant_until_the_customer_writes_again()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Advance(TimeSpan.FromHours(2));

        Refused(await conversation.SendAnswered(Text("k"), DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131047, "Re-engagement message", null))), RefusalReason.MetaRejected);

        Assert.False(conversation.Model.Snapshot(conversation.Now).WindowOpen);
        Assert.Equal(conversation.Now, conversation.Model.Snapshot(conversation.Now).WindowClosedAt);
        Refused((await conversation.Send(Text("k2"))).Answer, RefusalReason.WindowClosed);
        conversation.Advance(TimeSpan.FromMinutes(1));
        conversation.InboundNow();
        Assert.True(conversation.Model.Snapshot(conversation.Now).WindowOpen);
    }

    [Fact]
    public void The_log_lists_newest_first_honours_the_limit_and_refuses_a_negative_one()
    {
        var conversation = new ModelDriver();
        conversation.Model.Receive(Text("a") with { SendAt = conversation.Now + TimeSpan.FromHours(1) }, conversation.Now);
        conversation.Model.Receive(Text("b") with { SendAt = conversation.Now + TimeSpan.FromHours(2) }, conversation.Now);

        Assert.Equal(["b", "a"], Ok(conversation.Model.ListMessages(0)).Select(m => m.IdempotencyKey));
        Assert.Equal(["b"], Ok(conversation.Model.ListMessages(1)).Select(m => m.IdempotencyKey));
        Refused(conversation.Model.ListMessages(-1), RefusalReason.InvalidField);
    }

    [Fact]
    public async Task A_message_found_mid_dispatch_on_activation_fails_with_an_unknown_outcome_and_is_not_resent()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var accepted = await conversation.Send(Text("k"));

        var interrupted = conversation.Model.ResolveInterruptedDispatches(conversation.Now);

        Assert.Equal<string>([accepted.Dispatch!.MessageId], interrupted.Answer.Value);
        Assert.False(Assert.Single(interrupted.Logged).Dispatching);
        var entry = Assert.Single(conversation.Model.Messages);
        Assert.False(entry.Dispatching);
        Assert.Equal(MessageStatus.Failed, entry.Entry.Status);
        Assert.Equal(RefusalReason.MetaOutcomeUnknown, entry.Entry.Refusal!.Reason);
        Refused(conversation.Model.Receive(Text("k"), conversation.Now)!.Answer, RefusalReason.MetaOutcomeUnknown);
    }
}
