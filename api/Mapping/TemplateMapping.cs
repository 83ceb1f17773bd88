using Conversations.Abstractions.Templates;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Mapping;

/// <summary>The proto enums share the domain enums' numbers, so a cast maps them; UNSPECIFIED (0) stays invalid for the rules to refuse.</summary>
public static class TemplateMapping
{
    public static TemplateDraft ToDomain(this V1.UpsertTemplateRequest request) => new(
        request.Name, request.Language, (TemplateCategory)request.Category, (TemplateStatus)request.Status, request.Body);

    public static V1.Template ToProto(this TemplateDefinition template) => new()
    {
        WabaId = template.WabaId,
        Name = template.Name,
        Language = template.Language,
        Category = (V1.TemplateCategory)template.Category,
        Status = (V1.TemplateStatus)template.Status,
        Body = template.Body,
        ParameterNames = { template.ParameterNames },
        UpdatedAt = Timestamp.FromDateTimeOffset(template.UpdatedAt),
    };
}
