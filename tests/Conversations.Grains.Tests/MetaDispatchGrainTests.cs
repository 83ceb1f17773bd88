using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MetaDispatchGrainTests(ClusterFixture fixture)
{
    private RecordingWhatsAppSender WhatsApp => fixture.WhatsApp;

    private static StatusUpdate Status(string wamid, MessageStatus status, DateTimeOffset at, MetaError? error = null) =>
        new(wamid, status, at, error, null);

    [Fact]
    public async Task An_accepted_send_goes_to_Meta_once_and_the_receipt_carries_the_wamid()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        var receipt = Ok(await conversation.SendText("Hello", key: "once"));
        Ok(await conversation.SendText("Hello", key: "once"));

        var sent = Assert.Single(WhatsApp.SentTo(conversation.Customer));
        Assert.Equal(conversation.BusinessNumberId, sent.BusinessNumberId);
        Assert.Equal(WhatsApp.WamidOf(receipt.MessageId), receipt.Wamid);
    }

    [Fact]
    public async Task A_permanent_Meta_error_is_returned_with_its_code_and_replayed_for_the_same_key()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        WhatsApp.AnswerFor(conversation.Customer, DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131026, "Message undeliverable", null)));

        var refusal = Refused(await conversation.SendText("Hello", key: "k"), RefusalReason.MetaRejected);
        WhatsApp.Clear(conversation.Customer);
        var replay = Refused(await conversation.SendText("Hello", key: "k"), RefusalReason.MetaRejected);

        Assert.Equal("131026", refusal.Metadata["whatsapp_code"]);
        Assert.Equal(refusal.Metadata.OrderBy(m => m.Key), replay.Metadata.OrderBy(m => m.Key));
        Assert.Single(WhatsApp.SentTo(conversation.Customer));
        Assert.Equal(MessageStatus.Failed, (await conversation.Messages()).Single().Status);
    }

    [Fact]
    public async Task A_rate_limited_send_may_be_retried_with_the_same_key()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        WhatsApp.AnswerFor(conversation.Customer, DispatchResult.Failed(MetaErrorClass.RateLimited, new MetaError(131056, "Pair rate limit hit", null)));

        Refused(await conversation.SendText("Hello", key: "retry-me"), RefusalReason.MetaRateLimited);
        WhatsApp.Clear(conversation.Customer);
        var accepted = Ok(await conversation.SendText("Hello", key: "retry-me"));

        Assert.False(accepted.Replayed);
        Assert.Equal(2, WhatsApp.SentTo(conversation.Customer).Count());
        Assert.Single(await conversation.Messages());
    }

    [Fact]
    public async Task Meta_saying_131047_closes_our_window_until_the_customer_writes_again()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        WhatsApp.AnswerFor(conversation.Customer, DispatchResult.Failed(MetaErrorClass.Permanent, new MetaError(131047, "Re-engagement message", null)));

        Refused(await conversation.SendText(), RefusalReason.MetaRejected);
        WhatsApp.Clear(conversation.Customer);

        Assert.False((await conversation.Get()).WindowOpen);
        Refused(await conversation.SendText(), RefusalReason.WindowClosed);
        conversation.Advance(TimeSpan.FromSeconds(1));
        await conversation.InboundNow();
        Ok(await conversation.SendText());
    }

    [Fact]
    public async Task Statuses_only_move_forward_except_to_failed_and_read_implies_delivered()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var wamid = Ok(await conversation.SendText()).Wamid!;
        var t = conversation.Now;

        Ok(await conversation.Grain.RecordStatus(Status(wamid, MessageStatus.Read, t.AddSeconds(3))));
        var afterLateDelivered = Ok(await conversation.Grain.RecordStatus(Status(wamid, MessageStatus.Delivered, t.AddSeconds(2))))!;
        var afterLateSent = Ok(await conversation.Grain.RecordStatus(Status(wamid, MessageStatus.Sent, t.AddSeconds(1))))!;

        Assert.Equal(MessageStatus.Read, afterLateSent.Status);
        Assert.Equal(t.AddSeconds(1), afterLateSent.SentAt);
        Assert.Equal(t.AddSeconds(2), afterLateDelivered.DeliveredAt);
        Assert.Equal(t.AddSeconds(3), afterLateSent.ReadAt);

        var failed = Ok(await conversation.Grain.RecordStatus(Status(wamid, MessageStatus.Failed, t.AddSeconds(4), new MetaError(131026, "Undeliverable", null))))!;
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal(131026, failed.MetaError!.Code);
    }

    [Fact]
    public async Task A_read_without_delivered_sets_delivered_and_a_duplicate_changes_nothing()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var wamid = Ok(await conversation.SendText()).Wamid!;

        var read = Ok(await conversation.Grain.RecordStatus(Status(wamid, MessageStatus.Read, conversation.Now)))!;
        var again = Ok(await conversation.Grain.RecordStatus(Status(wamid, MessageStatus.Read, conversation.Now.AddMinutes(1))))!;

        Assert.Equal(read.ReadAt, read.DeliveredAt);
        Assert.Equal(read, again);
    }

    [Fact]
    public async Task A_status_for_a_wamid_this_conversation_never_sent_is_ignored()
    {
        var conversation = await Registered(fixture);

        Assert.Null(Ok(await conversation.Grain.RecordStatus(Status("wamid.unknown", MessageStatus.Delivered, conversation.Now))));
    }

    [Fact]
    public async Task A_failed_status_with_131049_suppresses_marketing_for_24h_and_131050_opts_out()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        var first = Ok(await conversation.SendText()).Wamid!;
        var second = Ok(await conversation.SendText()).Wamid!;

        Ok(await conversation.Grain.RecordStatus(Status(first, MessageStatus.Failed, conversation.Now, new MetaError(131049, "Ecosystem", null))));
        Ok(await conversation.Grain.RecordStatus(Status(second, MessageStatus.Failed, conversation.Now, new MetaError(131050, "Stopped marketing", null))));

        var snapshot = await conversation.Get();
        Assert.Equal(conversation.Now + TimeSpan.FromHours(24), snapshot.MarketingSuppressedUntil);
        Assert.True(snapshot.MarketingOptedOut);
    }

    [Fact]
    public async Task An_older_marketing_preference_never_overrides_a_newer_one()
    {
        var conversation = await Registered(fixture);

        Ok(await conversation.Grain.SetMarketingPreference(optedOut: true, conversation.Now));
        var stale = Ok(await conversation.Grain.SetMarketingPreference(optedOut: false, conversation.Now.AddMinutes(-5)));

        Assert.True(stale.MarketingOptedOut);
        Assert.False(Ok(await conversation.Grain.SetMarketingPreference(optedOut: false, conversation.Now.AddMinutes(1))).MarketingOptedOut);
    }
}
