using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Templates;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EntryPointPricingGrainTests(ClusterFixture fixture)
{
    private static async Task CameFromAnAd(ConversationDriver conversation) =>
        Ok(await conversation.Grain.RecordInbound(
            new InboundMessage($"wamid.{Guid.NewGuid():N}", conversation.Now, InboundMessageType.Text, "Saw your ad") { ReferralSourceType = "ad" }));

    [Fact]
    public async Task The_free_entry_point_opens_at_the_business_reply_and_lasts_72h_from_it()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("order_update", "Order {{1}} shipped", category: TemplateCategory.Utility);
        await CameFromAnAd(conversation);
        conversation.Advance(TimeSpan.FromHours(2));

        var reply = Ok(await conversation.SendText("Thanks for reaching out!"));
        Assert.Equal("free_entry_point", reply.Charge!.PricingType);

        conversation.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        var lastFree = Ok(await conversation.SendTemplate("order_update", parameters: "1"));
        Assert.Equal("free_entry_point", lastFree.Charge!.PricingType);

        conversation.Advance(TimeSpan.FromSeconds(1));
        var charged = Ok(await conversation.SendTemplate("order_update", parameters: "2"));
        Assert.Equal("regular", charged.Charge!.PricingType);
        Assert.True(charged.Charge.Amount > 0);
    }

    [Fact]
    public async Task A_reply_after_the_referral_window_closed_opens_no_free_entry_point()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("order_update", "Order {{1}} shipped", category: TemplateCategory.Utility);
        await CameFromAnAd(conversation);
        conversation.Advance(TimeSpan.FromHours(25));

        var template = Ok(await conversation.SendTemplate("order_update", parameters: "1"));

        Assert.Equal("regular", template.Charge!.PricingType);
    }

    [Fact]
    public async Task Evaluate_quotes_the_charge_without_recording_it()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("order_update", "Order {{1}} shipped", category: TemplateCategory.Utility);

        var evaluation = Ok(await conversation.Grain.Evaluate(new SendCommand("k", TemplateOf("order_update", "1"))));

        Assert.Equal("utility", evaluation.Charge!.Category);
        Assert.Equal("regular", evaluation.Charge.PricingType);
        Assert.Empty(await conversation.Messages());
    }
}
