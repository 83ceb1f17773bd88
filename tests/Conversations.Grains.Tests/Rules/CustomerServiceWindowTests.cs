using Conversations.Grains.Window;

namespace Conversations.Grains.Tests.Rules;

public sealed class CustomerServiceWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static CustomerServiceWindow OpenedAt(DateTimeOffset at) => new CustomerServiceWindow(null, Day).WithInbound(at, at);

    [Fact]
    public void Expires_24h_after_the_customers_message() =>
        Assert.Equal(T0 + Day, OpenedAt(T0).ExpiresAt);

    [Fact]
    public void Is_open_at_23h59m59s() =>
        Assert.True(OpenedAt(T0).IsOpenAt(T0 + Day - TimeSpan.FromSeconds(1)));

    [Fact]
    public void Is_closed_at_exactly_24h() =>
        Assert.False(OpenedAt(T0).IsOpenAt(T0 + Day));

    [Fact]
    public void Is_closed_before_any_customer_message() =>
        Assert.False(new CustomerServiceWindow(null, Day).IsOpenAt(T0));

    [Fact]
    public void A_safety_margin_closes_it_early() =>
        Assert.False((OpenedAt(T0) with { SafetyMargin = TimeSpan.FromMinutes(5) }).AllowsFreeFormAt(T0 + Day - TimeSpan.FromMinutes(5)));

    [Fact]
    public void A_newer_message_extends_it() =>
        Assert.Equal(T0 + TimeSpan.FromHours(30), OpenedAt(T0).WithInbound(T0 + TimeSpan.FromHours(6), T0 + TimeSpan.FromHours(6)).ExpiresAt);

    [Fact]
    public void An_older_message_arriving_out_of_order_never_shrinks_it() =>
        Assert.Equal(T0 + Day, OpenedAt(T0).WithInbound(T0 - TimeSpan.FromHours(3), T0 + TimeSpan.FromMinutes(1)).ExpiresAt);

    [Fact]
    public void A_message_with_the_same_timestamp_changes_nothing() =>
        Assert.Equal(OpenedAt(T0), OpenedAt(T0).WithInbound(T0, T0 + TimeSpan.FromSeconds(2)));

    [Fact]
    public void A_send_time_in_the_future_is_clamped_to_its_arrival() =>
        Assert.Equal(T0, new CustomerServiceWindow(null, Day).WithInbound(T0 + TimeSpan.FromHours(2), T0).LastInboundAt);

    [Fact]
    public void Is_anchored_on_the_send_time_not_on_a_late_arrival() =>
        Assert.Equal(T0 + Day, new CustomerServiceWindow(null, Day).WithInbound(T0, T0 + TimeSpan.FromHours(2)).ExpiresAt);

    [Fact]
    public void Its_duration_is_configurable() =>
        Assert.Equal(T0 + TimeSpan.FromHours(1), new CustomerServiceWindow(null, TimeSpan.FromHours(1)).WithInbound(T0, T0).ExpiresAt);
}
