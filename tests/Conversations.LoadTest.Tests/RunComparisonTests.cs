using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Tests;

public sealed class RunComparisonTests
{
    // 20,000 checks/s; the relay 5,000 sends/s at 50 µs each; uniform 1,000 sends/s at 1,000 µs each.
    private static readonly ScenarioResult s_baseline = Results.Measured("baseline", 200_000, 10, 4.0);
    private static readonly ScenarioResult s_relay = Results.Measured("relay", 50_000, 10, 2.5, sends: true);
    private static readonly ScenarioResult s_uniform = Results.Measured("uniform", 10_000, 10, 10.0, sends: true);

    [Fact]
    public void A_send_scenario_is_stated_against_the_baseline_and_the_relay_floor()
    {
        var uniform = Compare(s_baseline, s_relay, s_uniform).Single(r => r.Scenario == "uniform");

        Assert.Equal(0.05, uniform.RatioToBaseline);
        Assert.Equal(0.2, uniform.RatioToRelay);
        Assert.Equal(1_000.0, uniform.ServerCpuMicrosecondsPerOkOperation);
        Assert.Equal(20.0, uniform.CpuPerOkRatioToRelay);
    }

    [Fact]
    public void The_relay_floor_is_one_against_itself()
    {
        var relay = Compare(s_baseline, s_relay).Single(r => r.Scenario == "relay");

        Assert.Equal(1.0, relay.RatioToRelay);
        Assert.Equal(1.0, relay.CpuPerOkRatioToRelay);
        Assert.Equal(0.25, relay.RatioToBaseline);
    }

    [Fact]
    public void A_scenario_that_does_not_send_has_no_relay_ratio()
    {
        var webhooks = Results.Measured("webhooks", 2_000, 10, 5.0, itemsPerOperation: 100);

        var compared = Compare(s_baseline, s_relay, webhooks).Single(r => r.Scenario == "webhooks");

        Assert.Equal(1.0, compared.RatioToBaseline);
        Assert.Null(compared.RatioToRelay);
        Assert.Null(compared.CpuPerOkRatioToRelay);
    }

    [Fact]
    public void Without_a_measured_relay_the_sends_have_no_relay_ratio()
    {
        var uniform = Compare(s_baseline, Results.Skipped("relay"), s_uniform).Single(r => r.Scenario == "uniform");

        Assert.Equal(0.05, uniform.RatioToBaseline);
        Assert.Null(uniform.RatioToRelay);
        Assert.Null(uniform.CpuPerOkRatioToRelay);
    }

    [Fact]
    public void Without_the_relays_pid_only_its_cpu_ratio_is_missing()
    {
        var relayWithoutPid = Results.Measured("relay", 50_000, 10, null, sends: true);

        var uniform = Compare(s_baseline, relayWithoutPid, s_uniform).Single(r => r.Scenario == "uniform");

        Assert.Equal(0.2, uniform.RatioToRelay);
        Assert.Null(uniform.CpuPerOkRatioToRelay);
    }

    private static IReadOnlyList<ScenarioResult> Compare(params ScenarioResult[] results) => RunComparison.Apply(results);
}
