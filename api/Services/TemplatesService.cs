using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class TemplatesService(IGrainFactory grains) : V1.Templates.TemplatesBase
{
    public override async Task<V1.Template> UpsertTemplate(V1.UpsertTemplateRequest request, ServerCallContext context)
    {
        var registry = Registry(request.WabaId);
        var stored = await registry.Upsert(request.ToDomain(), context.CancellationToken);
        return stored.OrThrow().ToProto();
    }

    public override async Task<V1.Template> GetTemplate(V1.GetTemplateRequest request, ServerCallContext context)
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
            throw Refusal.Of(
                RefusalReason.TemplateNotFound,
                $"Template '{request.Name}' does not exist in language '{request.Language}'.",
                ("template", request.Name),
                ("language", request.Language),
                ("languages_available", string.Join(',', lookup.LanguagesAvailable))).ToRpcException();
        }

        return lookup.Template.ToProto();
    }

    public override async Task<V1.ListTemplatesResponse> ListTemplates(V1.ListTemplatesRequest request, ServerCallContext context)
    {
        var templates = await Registry(request.WabaId).List(context.CancellationToken);
        return new V1.ListTemplatesResponse { Templates = { templates.Select(t => t.ToProto()) } };
    }

    private ITemplateRegistryGrain Registry(string wabaId) =>
        grains.GetGrain<ITemplateRegistryGrain>(MetaId.WabaId(wabaId).OrThrow());
}
