namespace Conversations.Cli.Tests;

/// <summary>
/// Input the CLI can judge on its own never reaches a server: exit code 1 and a message that names the option, so an
/// operator sees what to fix without reading a help page.
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("--waba", "register-number", "--number", "106540352242922")]
    [InlineData("--number", "register-number", "--waba", "102290129340398")]
    [InlineData("--throughput", "register-number", "--number", "106540352242922", "--waba", "102290129340398", "--throughput", "fast")]
    [InlineData("--throughput", "register-number", "--number", "106540352242922", "--waba", "102290129340398", "--throughput", "80.5")]
    [InlineData("--quality", "register-number", "--number", "106540352242922", "--waba", "102290129340398", "--quality", "QUALITY_PURPLE")]
    [InlineData("--quality", "register-number", "--number", "106540352242922", "--waba", "102290129340398", "--quality", "QUALITY_RATING_UNSPECIFIED")]
    [InlineData("--quality", "register-number", "--number", "106540352242922", "--waba", "102290129340398", "--quality", "UNSPECIFIED")]
    [InlineData("--portfolio", "messaging-limit")]
    [InlineData("--portfolio", "messaging-limit", "--tier", "2000")]
    [InlineData("--tier", "messaging-limit", "--portfolio", "102290129340398", "--tier", "1000")]
    [InlineData("--tier", "messaging-limit", "--portfolio", "102290129340398", "--tier", "lots")]
    [InlineData("--tier", "messaging-limit", "--portfolio", "102290129340398", "--tier", "1K")]
    [InlineData("--customer", "record-inbound", "--number", "106540352242922")]
    [InlineData("--sent-at", "record-inbound", "--number", "106540352242922", "--customer", "+16505551234", "--sent-at", "03/04/2026")]
    [InlineData("--ago", "record-inbound", "--number", "106540352242922", "--customer", "+16505551234", "--ago", "a while")]
    [InlineData("--sent-at", "record-inbound", "--number", "106540352242922", "--customer", "+16505551234", "--sent-at", "2026-11-25T10:00:00Z", "--ago", "25h")]
    [InlineData("--body", "send", "text", "--number", "106540352242922", "--customer", "+16505551234")]
    [InlineData("--language", "send", "template", "--number", "106540352242922", "--customer", "+16505551234", "--name", "order_update")]
    [InlineData("--named", "send", "template", "--number", "106540352242922", "--customer", "+16505551234", "--name", "order_update", "--language", "en_US", "--named", "first_name")]
    [InlineData("--named", "send", "template", "--number", "106540352242922", "--customer", "+16505551234", "--name", "order_update", "--language", "en_US", "--named", "a=1", "--named", "a=2")]
    [InlineData("--category", "upsert-template", "--waba", "102290129340398", "--name", "order_update", "--language", "en_US", "--category", "PROMOTION", "--status", "APPROVED", "--body", "Hi")]
    [InlineData("--status", "upsert-template", "--waba", "102290129340398", "--name", "order_update", "--language", "en_US", "--category", "UTILITY", "--body", "Hi")]
    [InlineData("--customer", "show", "--number", "106540352242922")]
    [InlineData("--after", "watch", "--number", "106540352242922", "--after", "soon")]
    [InlineData("--address", "show", "--number", "106540352242922", "--customer", "+16505551234", "--address", "ftp://localhost:5000")]
    public async Task Bad_input_exits_with_1_and_names_the_option(string option, params string[] args)
    {
        var run = await Cli.Run(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_usage_error_points_to_the_help_of_its_own_command_instead_of_printing_it()
    {
        var run = await Cli.Run("messaging-limit", "--portfolio", "102290129340398", "--tier", "lots");

        Assert.Equal(
            ["--tier: 'lots' is not one of 250, 2000, 10000, 100000, unlimited (or 2K, 10K, 100K).", "See 'conversations messaging-limit --help'."],
            run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
