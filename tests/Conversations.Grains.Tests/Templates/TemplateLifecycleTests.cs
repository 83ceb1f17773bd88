using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using static Conversations.Grains.Tests.Templates.TemplateDrafts;

namespace Conversations.Grains.Tests.Templates;

/// <summary>Low quality pauses a template for 3 h, then 6 h, then disables it; a pause ends by itself when it runs out.</summary>
public sealed class TemplateLifecycleTests
{
    private static readonly ConversationOptions Options = new();
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static TemplateDefinition Approved() => Accepted(Utility());

    private static TemplateDefinition Pause(TemplateDefinition template, DateTimeOffset at) =>
        TemplateLifecycle.Apply(TemplateLifecycle.EffectiveAt(template, at), TemplateStatus.Paused, at, Options);

    [Fact]
    public void First_pause_lasts_3_hours()
    {
        var paused = Pause(Approved(), Now);

        Assert.Equal(TemplateStatus.Paused, paused.Status);
        Assert.Equal(1, paused.PauseCount);
        Assert.Equal(Now + TimeSpan.FromHours(3), paused.PausedUntil);
        Assert.Equal(Now, paused.UpdatedAt);
    }

    [Fact]
    public void Second_pause_lasts_6_hours()
    {
        var later = Now + TimeSpan.FromDays(1);
        var paused = Pause(Pause(Approved(), Now), later);

        Assert.Equal(TemplateStatus.Paused, paused.Status);
        Assert.Equal(2, paused.PauseCount);
        Assert.Equal(later + TimeSpan.FromHours(6), paused.PausedUntil);
    }

    [Fact]
    public void Third_pause_disables_the_template()
    {
        var disabled = Pause(Pause(Pause(Approved(), Now), Now + TimeSpan.FromDays(1)), Now + TimeSpan.FromDays(2));

        Assert.Equal(TemplateStatus.Disabled, disabled.Status);
        Assert.Equal(3, disabled.PauseCount);
        Assert.Null(disabled.PausedUntil);
    }

    [Fact]
    public void Pause_durations_come_from_the_options()
    {
        var options = new ConversationOptions { FirstTemplatePause = TimeSpan.FromMinutes(30), SecondTemplatePause = TimeSpan.FromHours(1) };

        var first = TemplateLifecycle.Apply(Approved(), TemplateStatus.Paused, Now, options);
        var second = TemplateLifecycle.Apply(TemplateLifecycle.EffectiveAt(first, Now + TimeSpan.FromHours(2)), TemplateStatus.Paused, Now + TimeSpan.FromHours(2), options);

        Assert.Equal(Now + TimeSpan.FromMinutes(30), first.PausedUntil);
        Assert.Equal(Now + TimeSpan.FromHours(3), second.PausedUntil);
    }

    [Fact]
    public void Pause_is_over_after_paused_until()
    {
        var paused = Pause(Approved(), Now);

        var effective = TemplateLifecycle.EffectiveAt(paused, paused.PausedUntil!.Value + TimeSpan.FromMinutes(1));

        Assert.Equal(TemplateStatus.Approved, effective.Status);
        Assert.Null(effective.PausedUntil);
        Assert.Equal(1, effective.PauseCount);
    }

    [Fact]
    public void Pause_is_over_exactly_at_paused_until()
    {
        var paused = Pause(Approved(), Now);

        Assert.Equal(TemplateStatus.Approved, TemplateLifecycle.EffectiveAt(paused, Now + TimeSpan.FromHours(3)).Status);
    }

    [Fact]
    public void Pause_still_holds_one_tick_before_paused_until()
    {
        var paused = Pause(Approved(), Now);

        var effective = TemplateLifecycle.EffectiveAt(paused, Now + TimeSpan.FromHours(3) - Tick);

        Assert.Equal(TemplateStatus.Paused, effective.Status);
        Assert.Equal(paused.PausedUntil, effective.PausedUntil);
    }

    [Fact]
    public void Approved_clears_paused_until_but_keeps_the_pause_count()
    {
        var later = Now + TimeSpan.FromHours(1);

        var approved = TemplateLifecycle.Apply(Pause(Approved(), Now), TemplateStatus.Approved, later, Options);

        Assert.Equal(TemplateStatus.Approved, approved.Status);
        Assert.Null(approved.PausedUntil);
        Assert.Equal(1, approved.PauseCount);
        Assert.Equal(later, approved.UpdatedAt);
    }

    [Fact]
    public void A_pause_count_kept_through_approval_makes_the_next_pause_the_second()
    {
        var approved = TemplateLifecycle.Apply(Pause(Approved(), Now), TemplateStatus.Approved, Now + TimeSpan.FromHours(1), Options);

        var paused = Pause(approved, Now + TimeSpan.FromHours(2));

        Assert.Equal(2, paused.PauseCount);
        Assert.Equal(Now + TimeSpan.FromHours(8), paused.PausedUntil);
    }

    [Fact]
    public void Paused_again_while_the_pause_still_runs_does_not_escalate()
    {
        var paused = Pause(Approved(), Now);

        var repeated = TemplateLifecycle.Apply(paused, TemplateStatus.Paused, Now + TimeSpan.FromHours(1), Options);

        Assert.Equal(paused, repeated);
    }

    [Fact]
    public void A_pause_that_ran_out_but_was_not_yet_read_as_approved_still_escalates()
    {
        var paused = Pause(Approved(), Now);

        var second = TemplateLifecycle.Apply(paused, TemplateStatus.Paused, Now + TimeSpan.FromHours(3), Options);

        Assert.Equal(2, second.PauseCount);
        Assert.Equal(Now + TimeSpan.FromHours(9), second.PausedUntil);
    }

    [Theory]
    [InlineData(TemplateStatus.Rejected)]
    [InlineData(TemplateStatus.Disabled)]
    [InlineData(TemplateStatus.Flagged)]
    public void Other_statuses_are_taken_as_given_and_end_a_pause(TemplateStatus status)
    {
        var updated = TemplateLifecycle.Apply(Pause(Approved(), Now), status, Now + TimeSpan.FromHours(1), Options);

        Assert.Equal(status, updated.Status);
        Assert.Null(updated.PausedUntil);
        Assert.Equal(1, updated.PauseCount);
    }

    [Fact]
    public void Templates_not_paused_are_effective_as_stored()
    {
        var approved = Approved();

        Assert.Same(approved, TemplateLifecycle.EffectiveAt(approved, Now + TimeSpan.FromDays(365)));
    }
}
