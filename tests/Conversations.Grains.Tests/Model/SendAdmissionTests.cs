using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Sending;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

/// <summary>The one admission path of Send, Evaluate and scheduled sends, over in-memory shared limits.</summary>
public sealed class SendAdmissionTests
{
    private static readonly Refusal LimitReached = Refusal.Of(RefusalReason.MessagingLimitReached, "limit reached");

    [Fact]
    public async Task Free_form_goes_inside_the_window_and_is_refused_with_131047_facts_after_it()
    {
        var conversation = new ModelDriver();
        var sentAt = conversation.Now;
        conversation.InboundNow();

        var inside = await conversation.Decide(Text());
        conversation.Advance(TimeSpan.FromHours(24));
        var after = await conversation.Decide(Text());

        Assert.True(inside.Allowed);
        Assert.Equal(MessageKind.FreeForm, inside.Kind);
        Assert.Equal(RefusalReason.WindowClosed, after.Refusal!.Reason);
        Assert.Equal(Rfc3339(sentAt.AddHours(24)), after.Refusal.Metadata["window_closed_at"]);
    }

    [Fact]
    public async Task A_customer_who_never_wrote_can_only_get_templates()
    {
        var conversation = new ModelDriver();
        conversation.Approve("shipping_update");

        Assert.Equal(RefusalReason.WindowClosed, (await conversation.Decide(Text())).Refusal!.Reason);
        Assert.True((await conversation.Decide(TemplateSend("shipping_update"))).Allowed);
    }

    [Fact]
    public async Task Outside_the_window_the_fallback_goes_and_a_refused_fallback_says_it_was_the_fallback()
    {
        var conversation = new ModelDriver();
        conversation.Approve("shipping_update");
        conversation.Approve("paused_one", status: TemplateStatus.Paused);

        var fallback = await conversation.Decide(Text() with { FallbackTemplate = Template("shipping_update") });
        var refused = await conversation.Decide(Text() with { FallbackTemplate = Template("paused_one") });

        Assert.True(fallback.UsedFallback);
        Assert.Equal(Template("shipping_update"), fallback.ToSend);
        Assert.Equal(RefusalReason.TemplatePaused, refused.Refusal!.Reason);
        Assert.Equal("true", refused.Refusal.Metadata["fallback"]);
    }

    [Fact]
    public async Task Inside_the_window_the_free_form_content_goes_and_not_the_fallback()
    {
        var conversation = new ModelDriver();
        conversation.Approve("shipping_update");
        conversation.InboundNow();

        var decision = await conversation.Decide(Text() with { FallbackTemplate = Template("shipping_update") });

        Assert.False(decision.UsedFallback);
        Assert.IsType<TextMessage>(decision.ToSend);
    }

    [Theory]
    [InlineData(TemplateStatus.Pending, RefusalReason.TemplateNotApproved)]
    [InlineData(TemplateStatus.Disabled, RefusalReason.TemplateDisabled)]
    public async Task Only_an_approved_template_may_be_sent(TemplateStatus status, RefusalReason reason)
    {
        var conversation = new ModelDriver();
        conversation.Approve("t", status: status);

        Assert.Equal(reason, (await conversation.Decide(TemplateSend("t"))).Refusal!.Reason);
        Assert.Equal(RefusalReason.TemplateNotFound, (await conversation.Decide(TemplateSend("missing"))).Refusal!.Reason);
    }

    [Fact]
    public async Task Marketing_is_refused_to_a_customer_who_stopped_it_while_utility_still_goes()
    {
        var conversation = new ModelDriver();
        conversation.Approve("promo", TemplateCategory.Marketing);
        conversation.Approve("receipt");
        conversation.Model.SetMarketingPreference(optedOut: true, conversation.Now, conversation.Now);

        var promo = await conversation.Decide(TemplateSend("promo"));

        Assert.Equal(RefusalReason.MarketingOptedOut, promo.Refusal!.Reason);
        Assert.Equal("131050", promo.Refusal.Metadata["whatsapp_code"]);
        Assert.Equal(0, conversation.Limits.Reserved);
        Assert.True((await conversation.Decide(TemplateSend("receipt"))).Allowed);
    }

    [Fact]
    public async Task Marketing_to_a_blocked_region_is_refused_and_the_regions_are_configurable()
    {
        var us = new ModelDriver(customer: "16505551234");
        var unblocked = new ModelDriver(new ConversationOptions { MarketingBlockedRegions = "" }, customer: "16505551234");
        var blockedFrance = new ModelDriver(new ConversationOptions { MarketingBlockedRegions = " gb , fr " }, customer: "33612345678");
        foreach (var driver in new[] { us, unblocked, blockedFrance })
        {
            driver.Approve("promo", TemplateCategory.Marketing);
        }

        Assert.Equal(RefusalReason.MarketingRegionBlocked, (await us.Decide(TemplateSend("promo"))).Refusal!.Reason);
        Assert.True((await unblocked.Decide(TemplateSend("promo"))).Allowed);
        Assert.Equal(RefusalReason.MarketingRegionBlocked, (await blockedFrance.Decide(TemplateSend("promo"))).Refusal!.Reason);
    }

    [Fact]
    public async Task A_burst_goes_then_the_pair_rate_refuses_with_131056_until_a_token_refills()
    {
        var conversation = new ModelDriver(new ConversationOptions { PairRateBurst = 3, PairRateInterval = TimeSpan.FromSeconds(6) });
        conversation.InboundNow();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await conversation.Decide(Text($"k{i}"))).Allowed);
        }

        var refused = await conversation.Decide(Text("k3"));
        conversation.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(RefusalReason.PairRateLimited, refused.Refusal!.Reason);
        Assert.Equal("131056", refused.Refusal.Metadata["whatsapp_code"]);
        Assert.Equal("6", refused.Refusal.Metadata["retry_after"]);
        Assert.Equal(3, conversation.Limits.Reserved);
        Assert.True((await conversation.Decide(Text("k4"))).Allowed);
    }

    [Fact]
    public async Task A_dry_run_takes_no_pair_token_no_pace_slot_and_no_messaging_limit_slot()
    {
        var conversation = new ModelDriver(new ConversationOptions { PairRateBurst = 1 });
        conversation.Approve("receipt");

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await conversation.Decide(TemplateSend("receipt"), dryRun: true)).Allowed);
        }

        Assert.Equal((0, 3, 0, 3), (conversation.Limits.Reserved, conversation.Limits.PacePeeks, conversation.Limits.Counted, conversation.Limits.ReachPeeks));
        Assert.Empty(conversation.Limits.WaitedFor);
        Assert.True((await conversation.Decide(TemplateSend("receipt"))).Allowed);
        Assert.Equal((1, 1), (conversation.Limits.Reserved, conversation.Limits.Counted));
        Assert.Equal([conversation.Limits.Slot], conversation.Limits.WaitedFor);
    }

    [Fact]
    public async Task A_send_the_messaging_limit_refuses_takes_no_pace_slot()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");
        conversation.Limits.Reach = LimitReached;

        var refused = await conversation.Decide(TemplateSend("receipt"));

        Assert.Equal(RefusalReason.MessagingLimitReached, refused.Refusal!.Reason);
        Assert.Equal((1, 1, 0), (conversation.Limits.PacePeeks, conversation.Limits.Counted, conversation.Limits.Reserved));
        Assert.Empty(conversation.Limits.WaitedFor);
    }

    [Fact]
    public async Task A_template_finding_the_numbers_queue_full_is_refused_before_the_messaging_limit_counts_its_customer()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");
        conversation.Limits.Slot = new PaceSlot(false, conversation.Now, TimeSpan.FromMilliseconds(300), 80, TimeSpan.FromSeconds(5.3));

        var refused = await conversation.Decide(TemplateSend("receipt"));

        Assert.Equal(RefusalReason.ThroughputLimited, refused.Refusal!.Reason);
        Assert.Equal((1, 0, 0), (conversation.Limits.PacePeeks, conversation.Limits.Counted, conversation.Limits.Reserved));
    }

    [Fact]
    public async Task A_send_that_comes_to_its_slot_late_takes_a_fresh_one_and_waits_for_that()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Limits.SlotsToMiss = 1;

        Assert.True((await conversation.Decide(Text())).Allowed);

        Assert.Equal(["reserve slot", "wait for slot", "replace missed slot", "wait for slot"], conversation.Limits.Calls);
    }

    [Fact]
    public async Task A_send_that_keeps_missing_its_slots_goes_after_three_fresh_ones()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Limits.SlotsToMiss = 100;

        Assert.True((await conversation.Decide(Text())).Allowed);

        Assert.Equal((1 + SendAdmission.MaxMissedSlots, SendAdmission.MaxMissedSlots), (conversation.Limits.WaitedFor.Count, conversation.Limits.Calls.Count(c => c == "replace missed slot")));
    }

    [Fact]
    public async Task A_first_template_to_a_customer_opens_a_conversation_then_counts_its_customer_then_takes_its_slot_and_waits_for_it()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");

        Assert.True((await conversation.Decide(TemplateSend("receipt"))).Allowed);

        Assert.Equal(["peek pace", "take new conversation", "count customer", "reserve slot", "wait for slot"], conversation.Limits.Calls);
    }

    [Fact]
    public async Task A_template_outside_the_window_of_a_conversation_that_began_takes_its_slot_after_the_messaging_limit_counted_its_customer()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");
        Ok((await conversation.Send(TemplateSend("receipt", key: "first"))).Answer);
        conversation.Limits.Calls.Clear();

        Assert.True((await conversation.Decide(TemplateSend("receipt", key: "second"))).Allowed);

        Assert.Equal(["peek pace", "count customer", "reserve slot", "wait for slot"], conversation.Limits.Calls);
        Assert.Equal(1, conversation.Limits.QuotaTaken);
    }

    [Fact]
    public async Task A_full_quota_of_new_conversations_refuses_the_first_message_before_it_counts_the_customer_or_takes_a_slot()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");
        var full = Refusal.Of(RefusalReason.ConversationQuotaExceeded, "full", ("retry_after", "20"));
        conversation.Limits.QuotaReached = full;

        var refused = await conversation.Decide(TemplateSend("receipt"));
        var peeked = await conversation.Decide(TemplateSend("receipt"), dryRun: true);

        Assert.Equal(full, refused.Refusal);
        Assert.Equal(full, peeked.Refusal);
        Assert.Equal((1, 1, 0, 0), (conversation.Limits.QuotaTaken, conversation.Limits.QuotaPeeks, conversation.Limits.Counted, conversation.Limits.Reserved));
        Assert.False(conversation.Model.Opened);
    }

    [Fact]
    public async Task A_customer_who_wrote_began_the_conversation_and_the_business_never_asks_the_quota()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");
        conversation.Limits.QuotaReached = Refusal.Of(RefusalReason.ConversationQuotaExceeded, "full");
        conversation.Inbound(conversation.Now.AddDays(-3));

        var template = await conversation.Decide(TemplateSend("receipt"));
        conversation.InboundNow();
        var reply = await conversation.Decide(Text());

        Assert.True(conversation.Model.Opened);
        Assert.True(template.Allowed);
        Assert.True(reply.Allowed);
        Assert.Equal((0, 0), (conversation.Limits.QuotaTaken, conversation.Limits.QuotaPeeks));
    }

    [Fact]
    public async Task A_first_message_its_own_rules_refuse_takes_no_new_conversation()
    {
        var conversation = new ModelDriver();
        conversation.Approve("draft", status: TemplateStatus.Pending);

        var freeForm = await conversation.Decide(Text());
        var pending = await conversation.Decide(TemplateSend("draft"));
        var missing = await conversation.Decide(TemplateSend("missing"), dryRun: true);

        Assert.Equal(
            [RefusalReason.WindowClosed, RefusalReason.TemplateNotApproved, RefusalReason.TemplateNotFound],
            new[] { freeForm, pending, missing }.Select(d => d.Refusal!.Reason));
        Assert.Equal((0, 0), (conversation.Limits.QuotaTaken, conversation.Limits.QuotaPeeks));
    }

    [Fact]
    public async Task Scheduling_a_first_message_does_not_begin_the_conversation_and_takes_nothing_until_it_is_decided()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");

        var scheduled = await conversation.Send(TemplateSend("receipt") with { SendAt = conversation.Now.AddHours(1) });
        conversation.Advance(TimeSpan.FromHours(1));
        var (messageId, command) = Assert.Single(conversation.Model.DueScheduled(conversation.Now));
        var decision = await conversation.Decide(command);
        conversation.Model.DecideScheduled(messageId, decision, conversation.Now);

        Assert.Equal(MessageStatus.Scheduled, Ok(scheduled.Answer).Status);
        Assert.Equal(1, conversation.Limits.QuotaTaken);
        Assert.True(conversation.Model.Opened);
    }

    [Theory]
    [InlineData(MessageStatus.Scheduled, false)]
    [InlineData(MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Accepted, true)]
    [InlineData(MessageStatus.Read, true)]
    public void A_conversation_read_back_has_begun_once_a_message_of_it_went_to_Meta(MessageStatus status, bool began)
    {
        var entry = new MessageLogEntry("cnv.1", "k", "text", MessageKind.Template, status, T0, DecidedAt: T0, ScheduledFor: null, UsedFallback: false, TemplateName: "receipt", TemplateCategory: TemplateCategory.Utility, Refusal: null);
        var record = new Grains.Conversation.ConversationMessage(entry, "hash", Pending: null);
        var metaRefused = record with { Entry = entry with { Status = MessageStatus.Failed, MetaError = new Abstractions.Meta.MetaError(131026, "Undeliverable", null) } };

        var readBack = new Grains.Conversation.Conversation(new(BusinessNumberId, "447911123456"), new(), new ConversationOptions(), [record]);
        var refusedByMeta = new Grains.Conversation.Conversation(new(BusinessNumberId, "447911123456"), new(), new ConversationOptions(), [metaRefused]);

        Assert.Equal(began, readBack.Opened);
        Assert.True(refusedByMeta.Opened);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_full_queue_at_the_number_is_refused_as_throughput_limited_with_retry_after(bool dryRun)
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();
        conversation.Limits.Slot = new PaceSlot(false, conversation.Now, TimeSpan.FromMilliseconds(1500), 80, TimeSpan.FromMilliseconds(6500));

        var refusal = (await conversation.Decide(Text(), dryRun)).Refusal!;

        Assert.Equal(RefusalReason.ThroughputLimited, refusal.Reason);
        Assert.Equal(("80", "2", BusinessNumberId), (refusal.Metadata["throughput_per_second"], refusal.Metadata["retry_after"], refusal.Metadata["business_number_id"]));
    }

    [Fact]
    public async Task The_messaging_limit_counts_only_templates_outside_the_window()
    {
        var conversation = new ModelDriver();
        conversation.Approve("receipt");
        conversation.Limits.Reach = LimitReached;

        var outside = await conversation.Decide(TemplateSend("receipt"));
        conversation.InboundNow();
        var inside = await conversation.Decide(TemplateSend("receipt"));
        var freeForm = await conversation.Decide(Text());

        Assert.Equal(LimitReached, outside.Refusal);
        Assert.True(inside.Allowed);
        Assert.True(freeForm.Allowed);
        Assert.Equal(1, conversation.Limits.Counted);
    }

    [Fact]
    public async Task A_message_refused_by_the_messaging_limit_takes_no_pair_token()
    {
        var conversation = new ModelDriver(new ConversationOptions { PairRateBurst = 1 });
        conversation.Approve("receipt");
        conversation.Limits.Reach = LimitReached;

        Assert.Equal(LimitReached, (await conversation.Decide(TemplateSend("receipt"))).Refusal);
        conversation.Limits.Reach = Result<CustomerReach>.Ok(new CustomerReach(ReachOutcome.Unlimited, null));

        Assert.True((await conversation.Decide(TemplateSend("receipt"))).Allowed);
    }

    private static string Rfc3339(DateTimeOffset at) => Abstractions.Rfc3339.Format(at);
}
