namespace Conversations.LoadTest.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--serve-relay", "0", "--meta", "http://127.0.0.1:5189")]
    [InlineData("--serve-relay", "70000", "--meta", "http://127.0.0.1:5189")]
    [InlineData("--serve-relay", "relay", "--meta", "http://127.0.0.1:5189")]
    [InlineData("--serve-relay", "5187")]
    [InlineData("--serve-relay", "5187", "--meta", "127.0.0.1:5189")]
    [InlineData("--meta", "http://127.0.0.1:5189")]
    [InlineData("--relay", "localhost:5187")]
    [InlineData("--relay-meta-simulator", "ftp://127.0.0.1:5189")]
    [InlineData("--relay-pid", "relay")]
    [InlineData("--scenario", "relay-floor")]
    public void A_bad_relay_argument_is_refused_before_anything_runs(params string[] args) =>
        Assert.NotEmpty(LoadTestCommandLine.Create().Parse(args).Errors);

    [Theory]
    [InlineData("--serve-relay", "5187", "--meta", "http://127.0.0.1:5189")]
    [InlineData("--scenario", "relay", "--relay", "http://localhost:5187", "--relay-pid", "4242", "--relay-meta-simulator", "http://127.0.0.1:5189")]
    [InlineData("--scenario", "evaluate", "--conversations", "100")]
    public void Relay_and_evaluate_arguments_parse(params string[] args) =>
        Assert.Empty(LoadTestCommandLine.Create().Parse(args).Errors);

    [Theory]
    [InlineData("--scenario", "pacing", "--throughput", "1000", "--duration", "60s", "--meta-simulator", "http://127.0.0.1:5179")]
    [InlineData("--scenario", "uniform", "--redis", "127.0.0.1:6399")]
    public void Pacing_and_redis_arguments_parse(params string[] args) =>
        Assert.Empty(LoadTestCommandLine.Create().Parse(args).Errors);

    [Fact]
    public void All_runs_the_relay_floor_and_evaluate_but_not_windows_nor_pacing()
    {
        var all = Scenarios.ScenarioCatalog.InAll;

        Assert.Contains("relay", all);
        Assert.Contains("evaluate", all);
        Assert.DoesNotContain("windows", all);
        Assert.DoesNotContain("pacing", all);
    }

    [Theory]
    [InlineData(null, 1_000, 1_000.0)]
    [InlineData(800.0, 1_000, 800.0)]
    public void Pacing_sends_at_the_numbers_throughput_unless_given_a_rate_and_the_baseline_never_paces(double? rate, int throughput, double expected)
    {
        var settings = new LoadTestSettings(new Uri("http://localhost:5000"), ["pacing"], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), 64, rate, 100_000, 1, 1, null, null)
        {
            Throughput = throughput,
        };

        Assert.Equal(expected, Scenarios.ScenarioCatalog.Create("pacing", settings).OpenLoopRate(settings));
        Assert.Null(Scenarios.ScenarioCatalog.Create("baseline", settings).OpenLoopRate(settings));
        Assert.Equal(rate, Scenarios.ScenarioCatalog.Create("uniform", settings).OpenLoopRate(settings));
    }
}
