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

    [Fact]
    public void All_runs_the_relay_floor_and_evaluate_but_not_windows()
    {
        var all = Scenarios.ScenarioCatalog.InAll;

        Assert.Contains("relay", all);
        Assert.Contains("evaluate", all);
        Assert.DoesNotContain("windows", all);
    }
}
