using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;

namespace Conversations.Grains.Tests.Templates;

/// <summary>A sync with Meta, as a rule: Meta's view wins, this service's own verdicts stay, and nothing changes twice.</summary>
public sealed class TemplateSyncTests
{
    private const string Waba = "102290129340398";
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static TemplateDraft AtMeta(string name, TemplateStatus status = TemplateStatus.Approved, string body = "Your order {{1}} has shipped") =>
        new(name, "en_US", TemplateCategory.Utility, status, body);

    private static Dictionary<string, TemplateDefinition> Stored(params TemplateDraft[] drafts) =>
        drafts.ToDictionary(d => TemplateRegistryGrain.KeyOf(d.Name, d.Language), d => TemplateRules.Validate(Waba, d, s_now.AddDays(-1)).Value!);

    [Fact]
    public void A_template_only_Meta_holds_is_added_and_one_only_stored_here_is_marked_deleted()
    {
        var (changes, result) = TemplateSync.Plan(Waba, Stored(AtMeta("typed_by_hand")), [AtMeta("order_update")], s_now, new TemplateLimits());

        Assert.Equal((1, 0, 1, 0), (result.Added, result.Updated, result.Removed, result.Unchanged));
        Assert.Equal(
            [("order_update", (TemplateStatus?)null, TemplateStatus.Approved), ("typed_by_hand", TemplateStatus.Approved, TemplateStatus.Deleted)],
            changes.Select(c => (c.After.Name, c.Before?.Status, c.After.Status)));
    }

    [Fact]
    public void Metas_status_and_body_win_while_quality_and_pauses_stay_this_services()
    {
        var stored = Stored(AtMeta("order_update", TemplateStatus.Pending));
        var key = TemplateRegistryGrain.KeyOf("order_update", "en_US");
        stored[key] = stored[key] with { Quality = TemplateQuality.Yellow, PauseCount = 1 };

        var (changes, result) = TemplateSync.Plan(Waba, stored, [AtMeta("order_update", TemplateStatus.Approved, "Order {{1}} shipped")], s_now, new TemplateLimits());

        Assert.Equal((0, 1), (result.Added, result.Updated));
        var after = Assert.Single(changes).After;
        Assert.Equal((TemplateStatus.Approved, "Order {{1}} shipped", TemplateQuality.Yellow, 1), (after.Status, after.Body, after.Quality, after.PauseCount));
    }

    [Fact]
    public void A_template_equal_at_Meta_and_one_deleted_already_change_nothing()
    {
        var stored = Stored(AtMeta("order_update"), AtMeta("gone", TemplateStatus.Deleted));

        var (changes, result) = TemplateSync.Plan(Waba, stored, [AtMeta("order_update")], s_now, new TemplateLimits());

        Assert.Empty(changes);
        Assert.Equal((0, 0, 0, 1), (result.Added, result.Updated, result.Removed, result.Unchanged));
    }

    [Fact]
    public void A_template_of_Metas_that_the_rules_refuse_is_skipped_with_why_and_not_deleted_here()
    {
        var stored = Stored(AtMeta("order_update"));

        var (changes, result) = TemplateSync.Plan(Waba, stored, [AtMeta("order_update", body: "")], s_now, new TemplateLimits());

        Assert.Empty(changes);
        Assert.StartsWith("order_update [en_US]: ", Assert.Single(result.Skipped), StringComparison.Ordinal);
        Assert.Equal(0, result.Removed);
    }
}
