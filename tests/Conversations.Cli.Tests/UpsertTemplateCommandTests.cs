using Conversations.Api.Tests;
using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>upsert-template stores the template and shows what the category lint found, as LintTemplate would.</summary>
[Collection(CliApiCollection.Name)]
public sealed class UpsertTemplateCommandTests(ApiFactory api)
{
    [Fact]
    public async Task A_promotional_utility_template_is_stored_and_its_lint_warning_shown_with_the_suggested_category()
    {
        // Arrange
        var waba = TestNumbers.WabaId();

        // Act
        var run = await Cli.Run(api, "upsert-template", "--waba", waba, "--name", "order_update", "--language", "en_US",
            "--category", "UTILITY", "--status", "PENDING", "--body", "Your order {{1}} has shipped. Use code SAVE20 for 20% off your next order!");
        var listed = await Cli.Run(api, "list-templates", "--waba", waba);

        // Assert
        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.StartsWith("stored template order_update [en_US] UTILITY PENDING", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("warning promotional_utility, suggested category MARKETING: This UTILITY template reads as promotional.", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("(matched: \"20% off\")", lines[1], StringComparison.Ordinal);
        Assert.Contains("order_update [en_US] UTILITY PENDING", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_the_lint_finds_nothing_in_prints_only_the_stored_template()
    {
        // Act
        var run = await Cli.Run(api, "upsert-template", "--waba", TestNumbers.WabaId(), "--name", "order_update", "--language", "en_US",
            "--category", "UTILITY", "--status", "PENDING", "--body", "Your order {{1}} has shipped");

        // Assert
        Assert.Equal((ExitCodes.Success, 1), (run.ExitCode, run.Output.TrimEnd().Split('\n').Length));
    }
}
