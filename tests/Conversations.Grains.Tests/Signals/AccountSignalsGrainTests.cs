using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using static Conversations.Grains.Tests.ConversationDriver;

namespace Conversations.Grains.Tests.Signals;

/// <summary>A WABA's account signals reach its numbers and portfolios, sends read them, and each change is one event per number.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountSignalsGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_restriction_reaches_every_number_of_the_WABA_once_and_each_hears_of_it_once()
    {
        var waba = TestNumbers.WabaId();
        var numbers = new[] { await Register(waba), await Register(waba) };
        var restriction = new AccountRestriction(AccountRestriction.BusinessInitiatedMessaging, fixture.Clock.GetUtcNow().AddDays(7));

        Assert.Equal(2, Ok(await Signals(waba).ApplyRestrictions([restriction], reportedAt: null)));
        Assert.Equal(0, Ok(await Signals(waba).ApplyRestrictions([restriction with { }], reportedAt: null)));

        foreach (var number in numbers)
        {
            var profile = await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).GetProfile();
            Assert.Equal([restriction], profile!.Standing.Restrictions.ToArray());
            var change = Assert.Single(fixture.Events.Events, e => e.BusinessNumberId == number && e.Kind == ConversationEventKind.AccountStandingChanged);
            Assert.Equal("", change.Customer);
            Assert.Equal([restriction], change.Standing!.Restrictions.ToArray());
        }
    }

    [Fact]
    public async Task A_capability_update_for_a_WABA_without_numbers_sets_the_limit_of_its_own_portfolio_which_its_first_number_uses()
    {
        var waba = TestNumbers.WabaId();

        Assert.Equal(0, Ok(await Signals(waba).ApplyMessagingLimit("100000")));

        Assert.Equal(100_000, (await fixture.Grains.GetGrain<IMessagingLimitGrain>(waba).Status()).Tier);
    }

    [Fact]
    public async Task A_quality_update_finds_the_number_by_its_display_digits_and_refuses_one_the_WABA_does_not_have()
    {
        var waba = TestNumbers.WabaId();
        var number = await Register(waba, display: "+1 (555) 078-3881".Replace("(", "").Replace(")", ""));

        Assert.Equal(1, Ok(await Signals(waba).ApplyQuality("15550783881", QualityRating.Red, messagingLimit: null)));
        Refused(await Signals(waba).ApplyQuality("15550783882", QualityRating.Red, messagingLimit: null), RefusalReason.UnknownBusinessNumber);

        Assert.Equal(QualityRating.Red, (await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).GetProfile())!.Quality);
        Assert.Equal(QualityRating.Red, Assert.Single(fixture.Events.Events, e => e.BusinessNumberId == number && e.Kind == ConversationEventKind.QualityChanged).Quality);
    }

    [Fact]
    public async Task A_slowed_number_sends_marketing_at_the_guards_rate_while_utility_goes_at_its_own()
    {
        var driver = await Registered(fixture);
        await driver.Template("spring_sale", "Hello {{1}}", category: TemplateCategory.Marketing);
        await driver.Template("order_update", "Hello {{1}}");
        Ok(await fixture.Grains.GetGrain<IBusinessNumberGrain>(driver.BusinessNumberId).SetQuality(QualityRating.Yellow));

        // Dry runs look without taking: the five places of this second are still there after them.
        for (var i = 0; i < 10; i++)
        {
            Assert.True(Ok(await To(driver).Evaluate(Marketing(driver))).Allowed);
        }

        for (var i = 0; i < 5; i++)
        {
            Ok(await To(driver).Send(Marketing(driver)));
        }

        var slowed = Refused(await To(driver).Send(Marketing(driver)), RefusalReason.QualityGuardSlowed);
        Assert.Equal(("YELLOW", "5", "1"), (slowed.Metadata["quality_rating"], slowed.Metadata["per_second"], slowed.Metadata["retry_after"]));
        Ok(await To(driver).Send(Utility(driver)));

        driver.Advance(TimeSpan.FromMilliseconds(200));
        Ok(await To(driver).Send(Marketing(driver)));
    }

    [Fact]
    public async Task A_customer_initiated_restriction_refuses_replies_in_the_window_and_not_templates_outside_it()
    {
        var driver = await Registered(fixture);
        await driver.Template("order_update", "Hello {{1}}");
        await driver.InboundNow();
        Ok(await Signals(driver.WabaId).ApplyRestrictions([new AccountRestriction(AccountRestriction.CustomerInitiatedMessaging, null)], reportedAt: null));
        driver.Advance(Conversation.ConversationGrain.ProfileLifetime);

        var restricted = Refused(await driver.SendText(), RefusalReason.AccountRestricted);

        Assert.Equal((AccountRestriction.CustomerInitiatedMessaging, ""), (restricted.Metadata["restriction_type"], restricted.Metadata["expires_at"]));
        Ok(await To(driver).Send(Utility(driver)));
    }

    [Fact]
    public async Task An_operators_change_of_rating_is_an_event_too_and_registering_with_one_or_setting_the_same_is_not()
    {
        var waba = TestNumbers.WabaId();
        var number = TestNumbers.BusinessNumberId();
        var grain = fixture.Grains.GetGrain<IBusinessNumberGrain>(number);

        Ok(await grain.Configure(new BusinessNumberSettings(waba, Quality: QualityRating.Green)));
        Ok(await grain.Configure(new BusinessNumberSettings(waba, Quality: QualityRating.Green)));
        Ok(await grain.Configure(new BusinessNumberSettings(waba, Quality: QualityRating.Yellow)));
        Ok(await grain.SetQuality(QualityRating.Yellow));

        var change = Assert.Single(fixture.Events.Events, e => e.BusinessNumberId == number);
        Assert.Equal((ConversationEventKind.QualityChanged, QualityRating.Yellow), (change.Kind, change.Quality));
    }

    [Fact]
    public async Task A_report_older_than_the_one_applied_changes_nothing_whatever_order_Meta_delivers_them_in()
    {
        var waba = TestNumbers.WabaId();
        var number = await Register(waba);
        var reported = fixture.Clock.GetUtcNow();

        Assert.Equal(1, Ok(await Signals(waba).ApplyBan(WabaBanState.Disable, null, reported)));
        Assert.Equal(0, Ok(await Signals(waba).ApplyBan(WabaBanState.None, null, reported.AddMinutes(-5))));
        Assert.Equal(1, Ok(await Signals(waba).ApplyRestrictions([new AccountRestriction(AccountRestriction.BusinessInitiatedMessaging, null)], reported.AddMinutes(-5))));

        var standing = (await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).GetProfile())!.Standing;
        Assert.Equal(WabaBanState.Disable, standing.Ban);
        Assert.Single(standing.Restrictions);
        Assert.Equal(1, Ok(await Signals(waba).ApplyBan(WabaBanState.None, null, reported.AddMinutes(1))));
    }

    private IAccountSignalsGrain Signals(string waba) => fixture.Grains.GetGrain<IAccountSignalsGrain>(waba);

    private async Task<string> Register(string waba, string? display = null)
    {
        var number = TestNumbers.BusinessNumberId();
        Ok(await fixture.Grains.GetGrain<IBusinessNumberGrain>(number).Configure(new BusinessNumberSettings(waba, DisplayPhoneNumber: display)));
        return number;
    }

    /// <summary>A new Brazilian customer's conversation on the driver's number: marketing reaches Brazil.</summary>
    private IConversationGrain To(ConversationDriver driver) =>
        fixture.Grains.GetGrain<IConversationGrain>(new Abstractions.Identity.ConversationKey(driver.BusinessNumberId, TestNumbers.BrazilCustomer()).ToString());

    private static SendCommand Marketing(ConversationDriver driver) => new(Guid.NewGuid().ToString(), TemplateOf("spring_sale", "Ana"));

    private static SendCommand Utility(ConversationDriver driver) => new(Guid.NewGuid().ToString(), TemplateOf("order_update", "Ana"));
}
