using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Sending;
using Conversations.Grains.Signals;

namespace Conversations.Grains.Tests.Signals;

/// <summary>The account guard's rules over plain profiles and timestamps: ban, restrictions, and the quality guard's policy.</summary>
public sealed class QualityGuardTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly BusinessNumberProfile s_number = new("106540352242922", "102290129340398", "102290129340398", 80, QualityRating.Green);
    private static readonly QualityGuardOptions s_guard = new();

    [Theory]
    [InlineData(QualityRating.Unknown, QualityGuardAction.Allow)]
    [InlineData(QualityRating.Green, QualityGuardAction.Allow)]
    [InlineData(QualityRating.Yellow, QualityGuardAction.Slow)]
    [InlineData(QualityRating.Red, QualityGuardAction.Pause)]
    [InlineData(QualityRating.Flagged, QualityGuardAction.Pause)]
    public void Marketing_follows_the_default_policy_of_the_numbers_rating(QualityRating rating, QualityGuardAction expected)
    {
        var (refusal, action) = AccountGuard.Check(s_number with { Quality = rating }, Send(TemplateCategory.Marketing), false, s_now, s_guard);

        Assert.Equal(expected, action);
        Assert.Equal(expected == QualityGuardAction.Pause ? RefusalReason.QualityGuardPaused : null, refusal?.Reason);
    }

    [Theory]
    [InlineData(TemplateCategory.Utility)]
    [InlineData(TemplateCategory.Authentication)]
    [InlineData(null)]
    public void Utility_authentication_and_free_form_go_whatever_the_rating(TemplateCategory? category)
    {
        var (refusal, action) = AccountGuard.Check(s_number with { Quality = QualityRating.Flagged }, Send(category), false, s_now, s_guard);

        Assert.Equal((null, QualityGuardAction.Allow), (refusal, action));
    }

    [Fact]
    public void A_policy_that_allows_red_lets_marketing_go()
    {
        var (refusal, action) = AccountGuard.Check(s_number with { Quality = QualityRating.Red }, Send(TemplateCategory.Marketing), false, s_now, new QualityGuardOptions { Red = QualityGuardAction.Allow });

        Assert.Equal((null, QualityGuardAction.Allow), (refusal, action));
    }

    [Fact]
    public void A_restriction_refuses_only_until_it_expires()
    {
        var restricted = s_number with { Standing = AccountStanding.Good with { Restrictions = [new(AccountRestriction.BusinessInitiatedMessaging, s_now.AddHours(1))] } };

        Assert.Equal(RefusalReason.AccountRestricted, AccountGuard.Check(restricted, Send(TemplateCategory.Utility), true, s_now, s_guard).Refusal?.Reason);
        Assert.Null(AccountGuard.Check(restricted, Send(TemplateCategory.Utility), false, s_now, s_guard).Refusal);
        Assert.Null(AccountGuard.Check(restricted, Send(TemplateCategory.Utility), true, s_now.AddHours(1), s_guard).Refusal);
    }

    [Fact]
    public void A_ban_refuses_everything_a_scheduled_one_from_its_date_and_one_without_a_date_not_yet()
    {
        var banned = s_number with { Standing = AccountStanding.Good with { Ban = WabaBanState.Disable } };
        var scheduled = s_number with { Standing = AccountStanding.Good with { Ban = WabaBanState.ScheduleForDisable, BanDate = s_now.AddDays(1) } };
        var undated = s_number with { Standing = AccountStanding.Good with { Ban = WabaBanState.ScheduleForDisable } };

        Assert.Equal(RefusalReason.AccountBanned, AccountGuard.Check(banned, Send(null), false, s_now, s_guard).Refusal?.Reason);
        Assert.Null(AccountGuard.Check(scheduled, Send(null), false, s_now, s_guard).Refusal);
        Assert.Equal(RefusalReason.AccountBanned, AccountGuard.Check(scheduled, Send(null), false, s_now.AddDays(1), s_guard).Refusal?.Reason);
        Assert.Null(AccountGuard.Check(undated, Send(null), false, s_now.AddYears(1), s_guard).Refusal);
    }

    [Fact]
    public void The_defaults_are_valid_and_a_rate_of_zero_or_an_unknown_action_fails_naming_the_setting()
    {
        var validator = new QualityGuardOptionsValidator();

        Assert.True(validator.Validate(null, new ConversationOptions()).Succeeded);
        var zero = validator.Validate(null, new ConversationOptions { QualityGuard = new QualityGuardOptions { SlowPerSecond = 0 } });
        var unknown = validator.Validate(null, new ConversationOptions { QualityGuard = new QualityGuardOptions { Yellow = (QualityGuardAction)7 } });

        Assert.Contains("Conversations:QualityGuard:SlowPerSecond", zero.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Conversations:QualityGuard:Yellow", unknown.FailureMessage, StringComparison.Ordinal);
    }

    private static SendDecision Send(TemplateCategory? category) =>
        new(null, category is null ? new TextMessage("hi") : ConversationDriver.TemplateOf("t"), false, category);
}
