using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AudienceAndPairRateGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_burst_of_45_messages_goes_then_the_46th_is_refused_with_131056_until_6s_refill_one()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();

        for (var i = 0; i < 45; i++)
        {
            Ok(await conversation.SendText($"message {i}"));
        }

        var refusal = Refused(await conversation.SendText("one too many"), RefusalReason.PairRateLimited);
        Assert.Equal("6", refusal.Metadata["retry_after"]);

        conversation.Advance(TimeSpan.FromSeconds(6));
        Ok(await conversation.SendText("refilled"));
        Refused(await conversation.SendText("again too many"), RefusalReason.PairRateLimited);
    }

    [Fact]
    public async Task Evaluate_reports_the_pair_rate_without_using_it_up()
    {
        var conversation = await Registered(fixture);
        await conversation.InboundNow();
        for (var i = 0; i < 45; i++)
        {
            Ok(await conversation.SendText($"message {i}"));
        }

        var evaluation = Ok(await conversation.Grain.Evaluate(Text()));

        Assert.Equal(RefusalReason.PairRateLimited, evaluation.Refusal!.Reason);
    }

    [Fact]
    public async Task A_customer_who_stopped_marketing_gets_no_marketing_but_still_gets_utility()
    {
        var conversation = await Registered(fixture, TestNumbers.BrazilCustomer());
        await conversation.Template("promo", "Hello {{1}}", category: TemplateCategory.Marketing);
        await conversation.Template("receipt", "Receipt {{1}}", category: TemplateCategory.Utility);
        Ok(await conversation.Grain.SetMarketingPreference(optedOut: true, conversation.Now));

        Refused(await conversation.SendTemplate("promo", parameters: "Ana"), RefusalReason.MarketingOptedOut);
        Ok(await conversation.SendTemplate("receipt", parameters: "42"));

        Ok(await conversation.Grain.SetMarketingPreference(optedOut: false, conversation.Now.AddSeconds(1)));
        Ok(await conversation.SendTemplate("promo", parameters: "Ana"));
    }

    [Fact]
    public async Task Marketing_suppressed_by_131049_is_refused_for_24h_with_retry_after()
    {
        var conversation = await Registered(fixture, TestNumbers.BrazilCustomer());
        await conversation.Template("promo", "Hello {{1}}", category: TemplateCategory.Marketing);
        var wamid = Ok(await conversation.SendTemplate("promo", parameters: "Ana")).Wamid!;
        Ok(await conversation.Grain.RecordStatus(new(wamid, Abstractions.Messages.MessageStatus.Failed, conversation.Now, new(131049, "Ecosystem", null), null)));

        conversation.Advance(TimeSpan.FromHours(23));
        var refusal = Refused(await conversation.SendTemplate("promo", parameters: "Ana"), RefusalReason.MarketingSuppressed);
        Assert.Equal("3600", refusal.Metadata["retry_after"]);

        conversation.Advance(TimeSpan.FromHours(1));
        Ok(await conversation.SendTemplate("promo", parameters: "Ana"));
    }

    [Fact]
    public async Task Marketing_templates_to_US_numbers_are_refused_by_default()
    {
        var conversation = await Registered(fixture);
        await conversation.Template("promo", "Hello {{1}}", category: TemplateCategory.Marketing);

        var refusal = Refused(await conversation.SendTemplate("promo", parameters: "Ana"), RefusalReason.MarketingRegionBlocked);

        Assert.Equal("US", refusal.Metadata["region"]);
    }
}
