using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Conversations.Auth;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class TemplatesService(IGrainFactory grains, CallerAccess callers) : V1.TemplatesService.TemplatesServiceBase
{
    [Authorize(Policy = Scopes.ManageTemplates)]
    public override async Task<V1.UpsertTemplateResponse> UpsertTemplate(V1.UpsertTemplateRequest request, ServerCallContext context)
    {
        var registry = Registry(request.WabaId, context);
        if (request.Status == V1.TemplateStatus.Approved)
        {
            // Meta approves templates; only an administrator may say it did.
            callers.Of(context).Scope(Scopes.Admin);
        }

        var stored = (await registry.Upsert(request.ToDomain(), context.CancellationToken)).OrThrow();
        var template = stored.Template.ToProto();
        template.Warnings.AddRange(stored.Warnings.Select(w => w.ToProto()));
        return new V1.UpsertTemplateResponse { Template = template };
    }

    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.GetTemplateResponse> GetTemplate(V1.GetTemplateRequest request, ServerCallContext context)
    {
        var registry = Registry(request.WabaId, context);
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

    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.ListTemplatesResponse> ListTemplates(V1.ListTemplatesRequest request, ServerCallContext context)
    {
        var templates = await Registry(request.WabaId, context).List(context.CancellationToken);
        return new V1.ListTemplatesResponse { Templates = { templates.Select(t => t.ToProto()) } };
    }

    [Authorize(Policy = Scopes.ManageTemplates)]
    public override Task<V1.LintTemplateResponse> LintTemplate(V1.LintTemplateRequest request, ServerCallContext context)
    {
        if (request.WabaId.Length > 0)
        {
            // The lint reads nothing of a WABA, but a caller may not ask in the name of one it does not act for.
            AllowedWaba(request.WabaId, context);
        }

        var draft = request.ToUpsertRequest().ToDomain();
        if (!Enum.IsDefined(draft.Category))
        {
            throw Refusal.MissingField("category").ToRpcException();
        }

        return Task.FromResult(new V1.LintTemplateResponse { Warnings = { TemplateLint.Check(draft).Select(w => w.ToProto()) } });
    }

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.SetTemplateStatusResponse> SetTemplateStatus(V1.SetTemplateStatusRequest request, ServerCallContext context)
    {
        var updated = await Registry(request.WabaId, context).SetStatus(request.Name, request.Language, (TemplateStatus)request.Status, context.CancellationToken);
        return new V1.SetTemplateStatusResponse { Template = updated.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.SetTemplateQualityResponse> SetTemplateQuality(V1.SetTemplateQualityRequest request, ServerCallContext context)
    {
        var updated = await Registry(request.WabaId, context).SetQuality(request.Name, request.Language, request.Quality.ToDomain(), context.CancellationToken);
        return new V1.SetTemplateQualityResponse { Template = updated.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.ManageTemplates)]
    public override async Task<V1.SyncTemplatesResponse> SyncTemplates(V1.SyncTemplatesRequest request, ServerCallContext context)
    {
        var synced = (await grains.GetGrain<ITemplateSyncGrain>(AllowedWaba(request.WabaId, context)).Sync(context.CancellationToken)).OrThrow();
        return new V1.SyncTemplatesResponse
        {
            Added = synced.Added,
            Updated = synced.Updated,
            Removed = synced.Removed,
            Unchanged = synced.Unchanged,
            Skipped = { synced.Skipped },
        };
    }

    [Authorize(Policy = Scopes.ManageTemplates)]
    public override async Task<V1.SubmitTemplateResponse> SubmitTemplate(V1.SubmitTemplateRequest request, ServerCallContext context)
    {
        var waba = AllowedWaba(request.WabaId, context);
        var draft = V1.UpsertTemplateRequest.Parser.ParseFrom(request.ToByteString()).ToDomain();
        var submitted = (await grains.GetGrain<ITemplateSyncGrain>(waba).Submit(draft, context.CancellationToken)).OrThrow();
        var template = submitted.Stored.Template.ToProto();
        template.Warnings.AddRange(submitted.Stored.Warnings.Select(w => w.ToProto()));
        return new V1.SubmitTemplateResponse { Template = template, MetaTemplateId = submitted.MetaTemplateId };
    }

    private ITemplateRegistryGrain Registry(string wabaId, ServerCallContext context) =>
        grains.GetGrain<ITemplateRegistryGrain>(AllowedWaba(wabaId, context));

    private string AllowedWaba(string wabaId, ServerCallContext context)
    {
        var waba = MetaId.WabaId(wabaId).OrThrow();
        callers.Of(context).Waba(waba);
        return waba;
    }
}
