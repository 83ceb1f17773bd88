using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class TemplatesService(IGrainFactory grains) : V1.TemplatesService.TemplatesServiceBase
{
    public override async Task<V1.UpsertTemplateResponse> UpsertTemplate(V1.UpsertTemplateRequest request, ServerCallContext context)
    {
        var registry = Registry(request.WabaId);
        var stored = (await registry.Upsert(request.ToDomain(), context.CancellationToken)).OrThrow();
        var template = stored.Template.ToProto();
        template.Warnings.AddRange(stored.Warnings.Select(w => w.ToProto()));
        return new V1.UpsertTemplateResponse { Template = template };
    }

    public override async Task<V1.GetTemplateResponse> GetTemplate(V1.GetTemplateRequest request, ServerCallContext context)
    {
        var registry = Registry(request.WabaId);
        if (string.IsNullOrEmpty(request.Name))
        {
            throw Refusal.MissingField("name").ToRpcException();
        }

        if (string.IsNullOrEmpty(request.Language))
        {
            throw Refusal.MissingField("language").ToRpcException();
        }

        var lookup = await registry.Find(request.Name, request.Language, context.CancellationToken);
        if (lookup.Template is null)
        {
            throw TemplateRefusals.NotFound(request.Name, request.Language, lookup.LanguagesAvailable).ToRpcException();
        }

        return new V1.GetTemplateResponse { Template = lookup.Template.ToProto() };
    }

    public override async Task<V1.ListTemplatesResponse> ListTemplates(V1.ListTemplatesRequest request, ServerCallContext context)
    {
        var templates = await Registry(request.WabaId).List(context.CancellationToken);
        return new V1.ListTemplatesResponse { Templates = { templates.Select(t => t.ToProto()) } };
    }

    public override Task<V1.LintTemplateResponse> LintTemplate(V1.LintTemplateRequest request, ServerCallContext context)
    {
        var draft = request.ToUpsertRequest().ToDomain();
        if (!Enum.IsDefined(draft.Category))
        {
            throw Refusal.MissingField("category").ToRpcException();
        }

        return Task.FromResult(new V1.LintTemplateResponse { Warnings = { TemplateLint.Check(draft).Select(w => w.ToProto()) } });
    }

    public override async Task<V1.SetTemplateStatusResponse> SetTemplateStatus(V1.SetTemplateStatusRequest request, ServerCallContext context)
    {
        var updated = await Registry(request.WabaId).SetStatus(request.Name, request.Language, (TemplateStatus)request.Status, context.CancellationToken);
        return new V1.SetTemplateStatusResponse { Template = updated.OrThrow().ToProto() };
    }

    public override async Task<V1.SetTemplateQualityResponse> SetTemplateQuality(V1.SetTemplateQualityRequest request, ServerCallContext context)
    {
        var updated = await Registry(request.WabaId).SetQuality(request.Name, request.Language, request.Quality.ToDomain(), context.CancellationToken);
        return new V1.SetTemplateQualityResponse { Template = updated.OrThrow().ToProto() };
    }

    private ITemplateRegistryGrain Registry(string wabaId) =>
        grains.GetGrain<ITemplateRegistryGrain>(MetaId.WabaId(wabaId).OrThrow());
}
