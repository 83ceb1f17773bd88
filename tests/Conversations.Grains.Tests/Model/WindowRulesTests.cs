using Conversations.Abstractions.Messages;
using Conversations.Grains.Window;

namespace Conversations.Grains.Tests.Model;

/// <summary>The window's rules beyond its 24 h arithmetic: Meta's early close, the safety margin, reactions, the reminder's instants.</summary>
public sealed class WindowRulesTests
{
    private static readonly DateTimeOffset T0 = ModelDriver.T0;
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static CustomerServiceWindow OpenedAt(DateTimeOffset at, TimeSpan margin = default) => new(at, Day, SafetyMargin: margin);

    [Fact]
    public void Inside_the_safety_margin_the_window_is_open_as_Meta_sees_it_but_free_form_is_not_allowed()
    {
        var window = OpenedAt(T0, TimeSpan.FromMinutes(30));
        var inMargin = T0 + Day - TimeSpan.FromMinutes(10);

        Assert.True(window.IsOpenAt(inMargin));
        Assert.False(window.AllowsFreeFormAt(inMargin));
        Assert.True(window.AllowsFreeFormAt(T0 + Day - TimeSpan.FromMinutes(31)));
    }

    [Fact]
    public void Free_form_closes_at_the_end_less_the_safety_margin()
    {
        Assert.Equal(T0 + Day - Hour, OpenedAt(T0, Hour).ClosesAt);
        Assert.Equal(T0 + Day, OpenedAt(T0).ClosesAt);
        Assert.Null(new CustomerServiceWindow(null, Day).ClosesAt);
    }

    [Fact]
    public void Metas_131047_after_the_last_inbound_ends_the_window_early()
    {
        var window = OpenedAt(T0) with { ClosedByMetaAt = T0 + TimeSpan.FromHours(3) };

        Assert.Equal(T0 + TimeSpan.FromHours(3), window.ExpiresAt);
        Assert.False(window.IsOpenAt(T0 + TimeSpan.FromHours(3)));
        Assert.True(window.IsOpenAt(T0 + TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Metas_close_before_the_latest_inbound_no_longer_counts()
    {
        var window = (OpenedAt(T0) with { ClosedByMetaAt = T0 + Hour }).WithInbound(T0 + TimeSpan.FromHours(2), T0 + TimeSpan.FromHours(2));

        Assert.Equal(T0 + TimeSpan.FromHours(2) + Day, window.ExpiresAt);
    }

    [Theory]
    [InlineData(InboundMessageType.Text, false, true)]
    [InlineData(InboundMessageType.Image, false, true)]
    [InlineData(InboundMessageType.Reaction, false, false)]
    [InlineData(InboundMessageType.Reaction, true, true)]
    public void Every_inbound_opens_the_window_except_a_reaction_unless_configured(InboundMessageType type, bool reactionsOpen, bool opens) =>
        Assert.Equal(opens, CustomerServiceWindow.OpenedBy(type, reactionsOpen));

    [Fact]
    public void Closing_soon_is_due_from_its_lead_time_before_the_end_and_once_per_end()
    {
        var window = OpenedAt(T0);
        var end = T0 + Day;

        Assert.False(window.ClosingSoonDueAt(end - Hour - TimeSpan.FromSeconds(1), Hour, announcedFor: null));
        Assert.True(window.ClosingSoonDueAt(end - Hour, Hour, announcedFor: null));
        Assert.False(window.ClosingSoonDueAt(end - TimeSpan.FromMinutes(30), Hour, announcedFor: end));
        Assert.True(window.ClosingSoonDueAt(end - TimeSpan.FromMinutes(30), Hour, announcedFor: end - Day));
    }

    [Fact]
    public void A_zero_lead_time_turns_closing_soon_off() =>
        Assert.False(OpenedAt(T0).ClosingSoonDueAt(T0 + Day - TimeSpan.FromSeconds(1), TimeSpan.Zero, announcedFor: null));

    [Fact]
    public void The_reminder_ticks_first_for_closing_soon_then_at_the_end()
    {
        var window = OpenedAt(T0);
        var end = T0 + Day;

        Assert.Equal(end - Hour, window.NextReminderAt(T0, Hour, closingSoonAnnouncedFor: null));
        Assert.Equal(end, window.NextReminderAt(T0, Hour, closingSoonAnnouncedFor: end));
        Assert.Equal(end, window.NextReminderAt(end - TimeSpan.FromMinutes(30), Hour, closingSoonAnnouncedFor: null));
        Assert.Equal(end, window.NextReminderAt(T0, TimeSpan.Zero, closingSoonAnnouncedFor: null));
        Assert.Null(new CustomerServiceWindow(null, Day).NextReminderAt(T0, Hour, null));
    }
}
