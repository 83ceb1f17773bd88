using Conversations.Abstractions.Events;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

/// <summary>Status webhooks and what Meta's verdicts in them say about the customer.</summary>
public sealed class StatusModelTests
{
    private static readonly ChargeEstimate Estimate = new("utility", "regular", 0.004m, "USD", "GB", "PMP");
    private static readonly PricingReport Reported = new(true, "PMP", "regular", "utility");

    private static async Task<ModelDriver> WithSentMessage(string wamid = "wamid.out")
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        var accepted = await conversation.Send(Text());
        conversation.Model.RecordDispatch(accepted.Dispatch!.MessageId, DispatchResult.AcceptedAs(wamid), Estimate, conversation.Now);
        return conversation;
    }

    private static StatusUpdate Status(MessageStatus status, DateTimeOffset at, MetaError? error = null, PricingReport? pricing = null, string wamid = "wamid.out") =>
        new(wamid, status, at, error, pricing);

    [Fact]
    public async Task A_status_moves_the_message_forward_and_raises_a_numbered_event()
    {
        var conversation = await WithSentMessage();

        var delivered = conversation.Model.RecordStatus(Status(MessageStatus.Delivered, conversation.Now + TimeSpan.FromSeconds(2)), conversation.Now);

        Assert.Equal(MessageStatus.Delivered, Ok(delivered.Answer)!.Status);
        var statusEvent = Assert.Single(delivered.Events);
        Assert.Equal(ConversationEventKind.MessageStatusChanged, statusEvent.Kind);
        Assert.Equal(("wamid.out", MessageStatus.Delivered), (statusEvent.Wamid, statusEvent.Status));
        Assert.Equal(conversation.State.EventSequence, statusEvent.Sequence);
    }

    [Fact]
    public async Task A_duplicate_status_changes_nothing_and_raises_nothing()
    {
        var conversation = await WithSentMessage();
        conversation.Model.RecordStatus(Status(MessageStatus.Read, conversation.Now), conversation.Now);

        var duplicate = conversation.Model.RecordStatus(Status(MessageStatus.Read, conversation.Now), conversation.Now);

        Assert.False(duplicate.Changed);
        Assert.Empty(duplicate.Logged);
        Assert.Empty(duplicate.Events);
    }

    [Fact]
    public async Task A_status_is_one_log_record_carrying_its_event_sequence_and_leaves_the_state_unwritten()
    {
        var conversation = await WithSentMessage();

        var delivered = conversation.Model.RecordStatus(Status(MessageStatus.Delivered, conversation.Now), conversation.Now);

        Assert.False(delivered.Changed);
        var record = Assert.Single(delivered.Logged);
        Assert.Equal(MessageStatus.Delivered, record.Entry.Status);
        Assert.Equal(Assert.Single(delivered.Events).Sequence, record.Sequence);
    }

    [Fact]
    public async Task A_conversation_rebuilt_from_its_records_numbers_its_next_event_after_the_last_one_a_record_carries()
    {
        var conversation = await WithSentMessage();
        var delivered = conversation.Model.RecordStatus(Status(MessageStatus.Delivered, conversation.Now), conversation.Now);
        var storedState = new Grains.Conversation.ConversationState { LastInboundAt = conversation.State.LastInboundAt, EventSequence = 1, LogStarted = true };

        var rebuilt = new Grains.Conversation.Conversation(conversation.Model.Key, storedState, conversation.Options, delivered.Logged);
        Assert.Equal(MessageStatus.Delivered, Assert.Single(rebuilt.Messages).Entry.Status);

        var read = rebuilt.RecordStatus(Status(MessageStatus.Read, conversation.Now), conversation.Now);

        Assert.Equal(Assert.Single(delivered.Events).Sequence + 1, Assert.Single(read.Events).Sequence);
    }

    [Fact]
    public async Task Delivery_with_Metas_pricing_is_reported_to_the_ledger_once()
    {
        var conversation = await WithSentMessage();
        var deliveredAt = conversation.Now + TimeSpan.FromSeconds(3);

        var delivered = conversation.Model.RecordStatus(Status(MessageStatus.Delivered, deliveredAt, pricing: Reported), conversation.Now);
        var read = conversation.Model.RecordStatus(Status(MessageStatus.Read, deliveredAt + TimeSpan.FromSeconds(1), pricing: Reported), conversation.Now);

        var messageId = Assert.Single(conversation.Model.Messages).Entry.MessageId;
        Assert.Equal(new ReportedCharge(BusinessNumberId, messageId, Estimate, Reported, deliveredAt), delivered.ChargeReported);
        Assert.Null(read.ChargeReported);
    }

    [Fact]
    public async Task A_failed_status_with_131049_suppresses_marketing_for_the_configured_time()
    {
        var conversation = await WithSentMessage();
        var at = conversation.Now;

        var failed = conversation.Model.RecordStatus(Status(MessageStatus.Failed, at, new MetaError(131049, "Ecosystem engagement", null)), conversation.Now);

        Assert.True(failed.Changed);
        Assert.Equal(at + conversation.Options.MarketingSuppression, conversation.Model.Snapshot(at).MarketingSuppressedUntil);
    }

    [Fact]
    public void A_verdict_for_a_wamid_this_conversation_never_sent_still_holds_for_the_customer()
    {
        var conversation = new ModelDriver();

        var optedOut = conversation.Model.RecordStatus(Status(MessageStatus.Failed, conversation.Now, new MetaError(131050, "User stopped marketing", null), wamid: "wamid.elsewhere"), conversation.Now);
        var ignored = conversation.Model.RecordStatus(Status(MessageStatus.Delivered, conversation.Now, wamid: "wamid.other"), conversation.Now);

        Assert.Null(Ok(optedOut.Answer));
        Assert.True(optedOut.Changed);
        Assert.True(conversation.Model.Snapshot(conversation.Now).MarketingOptedOut);
        Assert.False(ignored.Changed);
    }

    [Fact]
    public void A_status_without_a_wamid_is_refused() =>
        Refused(new ModelDriver().Model.RecordStatus(Status(MessageStatus.Sent, T0, wamid: ""), T0).Answer, RefusalReason.MissingField);

    [Fact]
    public void Only_a_newer_marketing_preference_changes_the_answer()
    {
        var conversation = new ModelDriver();
        var stated = conversation.Model.SetMarketingPreference(optedOut: true, conversation.Now, conversation.Now);

        var older = conversation.Model.SetMarketingPreference(optedOut: false, conversation.Now - TimeSpan.FromMinutes(1), conversation.Now);
        var newer = conversation.Model.SetMarketingPreference(optedOut: false, conversation.Now + TimeSpan.FromMinutes(1), conversation.Now);

        Assert.True(stated.Changed);
        Assert.False(older.Changed);
        Assert.True(Ok(older.Answer).MarketingOptedOut);
        Assert.False(Ok(newer.Answer).MarketingOptedOut);
    }
}
