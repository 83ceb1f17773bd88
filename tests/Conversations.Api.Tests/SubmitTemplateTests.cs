using Conversations.Abstractions.Meta;
using Conversations.Testing;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>SubmitTemplate checks a template by the registry's rules, hands it to Meta for review and stores it as Meta answered.</summary>
[Collection(ApiCollection.Name)]
public sealed class SubmitTemplateTests(ApiFactory api)
{
    private static V1.SubmitTemplateRequest Request(string waba, string body = "Your order {{1}} has shipped") => new()
    {
        WabaId = waba,
        Name = "order_update",
        Language = "en_US",
        Category = V1.TemplateCategory.Utility,
        Body = body,
        Footer = "Reply STOP to opt out",
    };

    [Fact]
    public async Task A_submitted_template_is_stored_PENDING_with_Metas_id_and_the_lints_warnings()
    {
        // Arrange
        var waba = TestNumbers.WabaId();

        // Act
        var submitted = await api.Templates.SubmitTemplateAsync(Request(waba, "Your order {{1}} has shipped. Enjoy 20% off your next order!"));
        var stored = await api.Templates.GetTemplateAsync(new V1.GetTemplateRequest { WabaId = waba, Name = "order_update", Language = "en_US" });
        var synced = await api.Templates.SyncTemplatesAsync(new V1.SyncTemplatesRequest { WabaId = waba });

        // Assert
        Assert.False(string.IsNullOrEmpty(submitted.MetaTemplateId));
        Assert.Equal((V1.TemplateStatus.Pending, V1.TemplateCategory.Utility, "Reply STOP to opt out"), (submitted.Template.Status, submitted.Template.Category, submitted.Template.Footer));
        Assert.Equal("promotional_utility", Assert.Single(submitted.Template.Warnings).RuleId);
        Assert.Equal(V1.TemplateStatus.Pending, stored.Template.Status);
        Assert.Equal((0, 1), (synced.Added, synced.Unchanged));
    }

    [Fact]
    public async Task A_template_the_rules_refuse_or_that_carries_buttons_never_reaches_Meta()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        var before = api.MetaTemplates.Submissions;
        var withButton = Request(waba);
        withButton.Buttons.Add(new V1.TemplateButton { Type = V1.ButtonType.QuickReply, Text = "Track it" });

        // Act
        await Refused.With(StatusCode.InvalidArgument, "MISSING_FIELD", () => api.Templates.SubmitTemplateAsync(Request(waba, body: "")).ResponseAsync);
        var buttons = await Refused.With(StatusCode.InvalidArgument, "INVALID_FIELD", () => api.Templates.SubmitTemplateAsync(withButton).ResponseAsync);
        await Refused.With(StatusCode.InvalidArgument, "INVALID_WABA_ID", () => api.Templates.SubmitTemplateAsync(Request("not-a-waba")).ResponseAsync);

        // Assert
        Assert.Equal("buttons", buttons.Metadata["field"]);
        Assert.Equal(before, api.MetaTemplates.Submissions);
        Assert.Empty((await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates);
    }

    [Fact]
    public async Task A_template_Meta_refuses_is_refused_with_Metas_error_and_not_stored()
    {
        // Arrange
        var waba = TestNumbers.WabaId();
        api.MetaTemplates.Fail(waba, MetaErrorClass.Permanent, new MetaError(100, "Invalid parameter", "Content in this language already exists."));

        // Act
        var info = await Refused.With(StatusCode.FailedPrecondition, "META_REJECTED", () => api.Templates.SubmitTemplateAsync(Request(waba)).ResponseAsync);

        // Assert
        Assert.Equal(("100", "Content in this language already exists."), (info.Metadata["whatsapp_code"], info.Metadata["meta_details"]));
        Assert.Empty((await api.Templates.ListTemplatesAsync(new V1.ListTemplatesRequest { WabaId = waba })).Templates);
    }
}
