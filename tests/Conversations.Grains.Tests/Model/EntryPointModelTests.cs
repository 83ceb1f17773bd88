using Conversations.Abstractions.Meta;
using static Conversations.Grains.Tests.Model.ModelDriver;

namespace Conversations.Grains.Tests.Model;

/// <summary>The free entry point: a customer from an ad or Page button gets 72 h free from the business's first reply.</summary>
public sealed class EntryPointModelTests
{
    private static async Task<string> Reply(ModelDriver conversation, string key)
    {
        var accepted = await conversation.Send(Text(key));
        conversation.Model.RecordDispatch(accepted.Dispatch!.MessageId, DispatchResult.AcceptedAs($"wamid.{key}"), charge: null, conversation.Now);
        return accepted.Dispatch.MessageId;
    }

    [Fact]
    public async Task The_first_reply_opens_the_free_entry_point_for_72h_from_that_reply()
    {
        var conversation = new ModelDriver();
        conversation.Inbound(conversation.Now, referral: "ad");
        conversation.Advance(TimeSpan.FromHours(2));
        var repliedAt = conversation.Now;

        var messageId = await Reply(conversation, "first");

        Assert.Equal(repliedAt, conversation.State.EntryPointOpenedAt);
        Assert.True(conversation.Model.ChargeRequest(messageId, repliedAt + TimeSpan.FromHours(71)).EntryPointOpen);
        Assert.False(conversation.Model.ChargeRequest(messageId, repliedAt + TimeSpan.FromHours(72)).EntryPointOpen);
    }

    [Fact]
    public async Task A_dry_run_counts_the_reply_it_would_be_and_opens_nothing()
    {
        var conversation = new ModelDriver();
        conversation.Inbound(conversation.Now, referral: "ad");

        var decision = await conversation.Decide(Text(), dryRun: true);

        Assert.True(conversation.Model.QuoteRequest(decision, conversation.Now).EntryPointOpen);
        Assert.Null(conversation.State.EntryPointOpenedAt);
    }

    [Fact]
    public async Task A_reply_after_the_referral_window_closed_opens_no_free_entry_point()
    {
        var conversation = new ModelDriver();
        conversation.Inbound(conversation.Now, referral: "ad");
        conversation.Advance(TimeSpan.FromHours(25));
        conversation.InboundNow();

        await Reply(conversation, "late");

        Assert.Null(conversation.State.EntryPointOpenedAt);
    }

    [Fact]
    public async Task A_customer_without_a_referral_gets_no_free_entry_point()
    {
        var conversation = new ModelDriver();
        conversation.InboundNow();

        var messageId = await Reply(conversation, "plain");

        Assert.False(conversation.Model.ChargeRequest(messageId, conversation.Now).EntryPointOpen);
        Assert.True(conversation.Model.ChargeRequest(messageId, conversation.Now).WindowOpen);
    }
}
