using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Meta.Tests;

/// <summary>The Cloud API client's template management against the simulator: every page of the list, and a submission for review.</summary>
public sealed class TemplateManagementTests
{
    private const string Waba = "102290129340398";

    [Fact]
    public async Task Listing_reads_every_page_of_the_WABAs_templates_in_Metas_order()
    {
        await using var loop = await MetaLoop.Start(simulator: o => o.TemplateReviewDelay = TimeSpan.Zero);
        var names = Enumerable.Range(0, CloudApiClient.TemplatePageSize * 2 + 5).Select(i => $"template_{i:000}").ToList();
        foreach (var name in names)
        {
            Assert.True((await loop.Templates.SubmitTemplate(Waba, Draft(name), CancellationToken.None)).Succeeded);
        }

        await Eventually.True(() => names.All(n => loop.Simulator.TemplateOf(Waba, n, "en_US")?.Status == "APPROVED"), "every review");
        var listed = await loop.Templates.ListTemplates(Waba, CancellationToken.None);

        Assert.True(listed.Succeeded, listed.Error?.Title);
        Assert.Equal(names, listed.Value.Select(t => t.Draft.Name));
        Assert.All(listed.Value, t => Assert.Equal((TemplateStatus.Approved, TemplateCategory.Utility, "Your order {{1}} has shipped"), (t.Draft.Status, t.Draft.Category, t.Draft.Body)));
    }

    [Fact]
    public async Task A_submitted_template_is_answered_with_Metas_id_PENDING_and_its_category_and_listed_with_header_and_footer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var loop = await MetaLoop.Start(simulatorClock: clock);
        var draft = new TemplateDraft("appointment_reminder", "pt_BR", TemplateCategory.Utility, TemplateStatus.Pending, "Olá {{first_name}}, sua consulta é amanhã às {{time}}.")
        {
            Header = new TemplateHeader(HeaderFormat.Text, "Lembrete"),
            Footer = "Responda SAIR para parar",
        };

        var submitted = await loop.Templates.SubmitTemplate(Waba, draft, CancellationToken.None);
        var listed = await loop.Templates.ListTemplates(Waba, CancellationToken.None);

        Assert.True(submitted.Succeeded, submitted.Error?.Title);
        Assert.Equal((TemplateStatus.Pending, TemplateCategory.Utility), (submitted.Value!.Status, submitted.Value.Category));
        Assert.Equal(loop.Simulator.TemplateOf(Waba, "appointment_reminder", "pt_BR")!.Id, submitted.Value.Id);
        var template = Assert.Single(listed.Value);
        Assert.Equal(submitted.Value.Id, template.Id);
        Assert.Equal(draft, template.Draft);
    }

    [Fact]
    public async Task A_template_Meta_refuses_is_answered_with_its_error_as_permanent()
    {
        await using var loop = await MetaLoop.Start();
        await loop.Templates.SubmitTemplate(Waba, Draft("order_update"), CancellationToken.None);

        var duplicate = await loop.Templates.SubmitTemplate(Waba, Draft("order_update"), CancellationToken.None);

        Assert.False(duplicate.Succeeded);
        Assert.Equal((100, MetaErrorClass.Permanent), (duplicate.Error!.Code, duplicate.ErrorClass));
        Assert.Contains("already exists", duplicate.Error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_WABA_without_templates_lists_none_and_an_unreachable_Meta_is_transient()
    {
        await using var loop = await MetaLoop.Start();
        await using var down = await MetaLoop.Start(graphBaseUrl: $"http://127.0.0.1:{FreePort.Next()}");

        var empty = await loop.Templates.ListTemplates(Waba, CancellationToken.None);
        var unreachable = await down.Templates.ListTemplates(Waba, CancellationToken.None);

        Assert.True(empty.Succeeded);
        Assert.Empty(empty.Value);
        Assert.Equal(MetaErrorClass.Transient, unreachable.ErrorClass);
    }

    private static TemplateDraft Draft(string name) =>
        new(name, "en_US", TemplateCategory.Utility, TemplateStatus.Pending, "Your order {{1}} has shipped");
}
