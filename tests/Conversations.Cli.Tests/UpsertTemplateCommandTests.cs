using Conversations.Abstractions.Templates;
using Conversations.Api.Tests;
using Conversations.Testing;

namespace Conversations.Cli.Tests;

/// <summary>
/// upsert-template stores the template and shows what the category lint found, as LintTemplate would; sync-templates
/// makes the WABA's templates Meta's and says what changed.
/// </summary>
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

    [Fact]
    public async Task Sync_templates_says_what_Metas_view_changed_and_what_it_skipped()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        await Cli.Run(api, "upsert-template", "--waba", waba, "--name", "typed_by_hand", "--language", "en_US", "--category", "UTILITY", "--status", "PENDING", "--body", "Hello {{1}}");
        api.MetaTemplates.Hold(
            waba,
            new TemplateDraft("order_update", "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Your order {{1}} has shipped"),
            new TemplateDraft("Bad Name", "en_US", TemplateCategory.Utility, TemplateStatus.Approved, "Hi"));

        // Act
        var run = await Cli.Run(api, "sync-templates", "--waba", waba);
        var listed = await Cli.Run(api, "list-templates", "--waba", waba);

        // Assert
        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.Equal($"synced WABA {waba} with Meta: 1 added, 0 updated, 1 removed (now DELETED), 0 unchanged", lines[0]);
        Assert.StartsWith("skipped Bad Name [en_US]: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("order_update [en_US] UTILITY APPROVED", listed.Output, StringComparison.Ordinal);
        Assert.Contains("typed_by_hand [en_US] UTILITY DELETED", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_templates_of_a_malformed_WABA_is_refused_with_exit_code_2()
    {
        // Act
        var run = await Cli.Run(api, "sync-templates", "--waba", "not-a-waba");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("INVALID_WABA_ID", run.Error, StringComparison.Ordinal);
    }
}
