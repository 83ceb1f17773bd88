using Conversations.Api.Tests;
using Conversations.Testing;
using V1 = Conversations.V1;

namespace Conversations.Cli.Tests;

/// <summary>
/// register-number's portfolio, throughput and quality and the messaging-limit command against the real api: what the
/// CLI prints is what the server stored, and a setting the server refuses is exit code 2 with its reason and field.
/// </summary>
[Collection(CliApiCollection.Name)]
public sealed class PortfolioRoundTripTests(ApiFactory api)
{
    [Fact]
    public async Task Register_number_with_portfolio_throughput_and_quality_prints_what_the_server_stored()
    {
        var (number, waba, portfolio) = (TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), TestNumbers.WabaId());

        var run = await Cli.Run(api, "register-number", "--number", number, "--waba", waba, "--portfolio", portfolio, "--throughput", "500", "--quality", "green");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            [$"registered business number {number} to WABA {waba}", $"portfolio {portfolio}, throughput 500 messages/s, quality GREEN"],
            Lines(run.Output));
        var stored = (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = number })).BusinessNumber;
        Assert.Equal((portfolio, 500, V1.QualityRating.Green), (stored.PortfolioId, stored.ThroughputPerSecond, stored.QualityRating));
    }

    [Fact]
    public async Task Register_number_with_a_display_number_stores_its_digits()
    {
        var number = TestNumbers.BusinessNumberId();

        var run = await Cli.Run(api, "register-number", "--number", number, "--waba", TestNumbers.WabaId(), "--display-number", "+1 555-078-3881");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var stored = (await api.BusinessNumbers.GetBusinessNumberAsync(new V1.GetBusinessNumberRequest { BusinessNumberId = number })).BusinessNumber;
        Assert.Equal("15550783881", stored.DisplayPhoneNumber);
    }

    [Fact]
    public async Task Register_number_again_without_the_new_options_keeps_portfolio_throughput_and_quality()
    {
        var (number, waba, portfolio) = (TestNumbers.BusinessNumberId(), TestNumbers.WabaId(), TestNumbers.WabaId());
        await Cli.Run(api, "register-number", "--number", number, "--waba", waba, "--portfolio", portfolio, "--throughput", "1000", "--quality", "QUALITY_RATING_YELLOW");

        var run = await Cli.Run(api, "register-number", "--number", number, "--waba", waba);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"portfolio {portfolio}, throughput 1000 messages/s, quality YELLOW", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messaging_limit_set_by_its_short_name_reads_back_as_the_canonical_tier_with_nobody_counted()
    {
        var portfolio = TestNumbers.WabaId();

        var set = await Cli.Run(api, "messaging-limit", "--portfolio", portfolio, "--tier", "10K");
        var read = await Cli.Run(api, "messaging-limit", "--portfolio", portfolio);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (set.ExitCode, read.ExitCode));
        Assert.Equal(
            [$"portfolio {portfolio}: messaging limit tier 10000", "used: 0 unique customers in the moving 24 h", "resets at: none, no customer counted"],
            Lines(read.Output));
        Assert.Equal(set.Output, read.Output);
    }

    [Fact]
    public async Task Throughput_out_of_range_is_refused_with_2_and_stderr_names_the_reason_and_field()
    {
        var run = await Cli.Run(api, "register-number", "--number", TestNumbers.BusinessNumberId(), "--waba", TestNumbers.WabaId(), "--throughput", "5000");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused: INVALID_FIELD (INVALID_ARGUMENT)", run.Error, StringComparison.Ordinal);
        Assert.Contains("  field=throughput_per_second", Lines(run.Error));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_tier_the_cli_accepts_for_a_malformed_portfolio_is_refused_by_the_server_with_2()
    {
        var run = await Cli.Run(api, "messaging-limit", "--portfolio", "portfolio-1", "--tier", "250");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("  field=portfolio_id", Lines(run.Error));
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
