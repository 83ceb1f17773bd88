using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Templates;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>SyncTemplates makes a WABA's registry equal to Meta's view of its templates.</summary>
[Collection(ApiCollection.Name)]
public sealed class SyncTemplatesTests(ApiFactory api)
{
    private static TemplateDraft AtMeta(string name, TemplateStatus status, string body = "Your order {{1}} has shipped", string language = "en_US") =>
        new(name, language, TemplateCategory.Utility, status, body);

    private Task<V1.Template> Upsert(string waba, string name, V1.TemplateStatus status, string body = "Your order {{1}} has shipped") =>
        api.Templates.UpsertTemplateAsync(new V1.UpsertTemplateRequest
        {
            WabaId = waba,
            Name = name,
            Language = "en_US",
            Category = V1.TemplateCategory.Utility,
            Status = status,
            Body = body,
        }).ResponseAsync.ContinueWith(t => t.Result.Template, TaskScheduler.Default);

    [Fact]
    public async Task Metas_templates_are_added_changed_ones_updated_missing_ones_deleted_and_equal_ones_left()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        await Upsert(waba, "order_update", V1.TemplateStatus.Pending);
        await Upsert(waba, "order_delayed", V1.TemplateStatus.Approved, "Your order {{1}} is late");
        await Upsert(waba, "typed_by_hand", V1.TemplateStatus.Approved);
        api.MetaTemplates.Hold(
            waba,
            AtMeta("order_update", TemplateStatus.Approved),
            AtMeta("order_delayed", TemplateStatus.Approved, "Your order {{1}} is late"),
            AtMeta("order_update", TemplateStatus.Paused, language: "pt_BR", body: "Seu pedido {{1}} foi enviado"));

        // Act
        var synced = await api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = waba });
        var again = await api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = waba });
        var listed = (await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates;

        // Assert
        Assert.Equal((1, 1, 1, 1, 0), (synced.Added, synced.Updated, synced.Removed, synced.Unchanged, synced.Skipped.Count));
        Assert.Equal((0, 0, 0, 3, 0), (again.Added, again.Updated, again.Removed, again.Unchanged, again.Skipped.Count));
        Assert.Equal(
            [
                ("order_delayed", "en_US", V1.TemplateStatus.Approved),
                ("order_update", "en_US", V1.TemplateStatus.Approved),
                ("order_update", "pt_BR", V1.TemplateStatus.Paused),
                ("typed_by_hand", "en_US", V1.TemplateStatus.Deleted),
            ],
            listed.Select(t => (t.Name, t.Language, t.Status)));
    }

    [Fact]
    public async Task A_template_Meta_holds_that_this_service_cannot_store_is_skipped_with_why_and_the_rest_applied()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        api.MetaTemplates.Hold(waba, AtMeta("order_update", TemplateStatus.Approved), AtMeta("Bad Name", TemplateStatus.Approved));

        // Act
        var synced = await api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = waba });

        // Assert
        Assert.Equal(1, synced.Added);
        var skipped = Assert.Single(synced.Skipped);
        Assert.StartsWith("Bad Name [en_US]: ", skipped, StringComparison.Ordinal);
        Assert.Single((await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates);
    }

    [Theory]
    [InlineData(MetaErrorClass.Transient, StatusCode.Unavailable, "META_UNAVAILABLE")]
    [InlineData(MetaErrorClass.RateLimited, StatusCode.ResourceExhausted, "META_RATE_LIMITED")]
    [InlineData(MetaErrorClass.Permanent, StatusCode.FailedPrecondition, "META_REJECTED")]
    public async Task When_Meta_does_not_list_the_templates_the_call_is_refused_with_Metas_error_and_the_registry_is_untouched(
        MetaErrorClass failure, StatusCode status, string reason)
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        await Upsert(waba, "typed_by_hand", V1.TemplateStatus.Approved);
        api.MetaTemplates.Fail(waba, failure, new MetaError(190, "Invalid OAuth access token", "Token expired"));

        // Act
        var info = await Refused.With(status, reason, () => api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = waba }).ResponseAsync);

        // Assert
        Assert.Equal("190", info.Metadata["whatsapp_code"]);
        Assert.Contains("list the WABA's templates", (await Assert.ThrowsAsync<RpcException>(() => api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = waba }).ResponseAsync)).Status.Detail, StringComparison.Ordinal);
        var listed = (await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates;
        Assert.Equal(V1.TemplateStatus.Approved, Assert.Single(listed).Status);
    }

    [Theory]
    [InlineData("", "MISSING_FIELD")]
    [InlineData("not-a-waba", "INVALID_WABA_ID")]
    public async Task A_malformed_WABA_id_is_refused_before_Meta_is_asked(string wabaId, string reason)
    {
        // Arrange
        var before = api.MetaTemplates.Lists;

        // Act
        await Refused.With(StatusCode.InvalidArgument, reason, () => api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = wabaId }).ResponseAsync);

        // Assert
        Assert.Equal(before, api.MetaTemplates.Lists);
    }
}
