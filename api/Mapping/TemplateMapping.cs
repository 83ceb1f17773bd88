using Conversations.Abstractions.Templates;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;
using static Conversations.Api.Mapping.ProtoStrings;

namespace Conversations.Api.Mapping;

/// <summary>The proto enums share the domain enums' numbers, so a cast maps them; UNSPECIFIED (0) stays invalid for the rules to refuse.</summary>
public static class TemplateMapping
{
    public static TemplateDraft ToDomain(this V1.UpsertTemplateRequest request) =>
        new(request.Name, request.Language, (TemplateCategory)request.Category, (TemplateStatus)request.Status, request.Body)
        {
            Header = request.Header is { } header ? new TemplateHeader((HeaderFormat)header.Format, Optional(header.Text)) : null,
            Footer = Optional(request.Footer),
            Buttons = [.. request.Buttons.Select(b => new TemplateButton((ButtonType)b.Type, b.Text, Optional(b.Url), Optional(b.PhoneNumber)))],
            CodeExpiryMinutes = request.CodeExpiryMinutes == 0 ? null : request.CodeExpiryMinutes,
        };

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
        Header = template.Header is { } header ? new V1.TemplateHeader { Format = (V1.HeaderFormat)header.Format, Text = header.Text ?? "" } : null,
        Footer = template.Footer ?? "",
        Buttons = { template.Buttons.Select(b => new V1.TemplateButton { Type = (V1.ButtonType)b.Type, Text = b.Text, Url = b.Url ?? "", PhoneNumber = b.PhoneNumber ?? "" }) },
        CodeExpiryMinutes = template.CodeExpiryMinutes ?? 0,
        Quality = (V1.TemplateQuality)template.Quality,
        PauseCount = template.PauseCount,
        PausedUntil = template.PausedUntil.ToProto(),
    };

    public static V1.LintWarning ToProto(this LintWarning warning) => new()
    {
        RuleId = warning.RuleId,
        SuggestedCategory = (V1.TemplateCategory)warning.SuggestedCategory,
        MatchedPhrases = { warning.MatchedPhrases },
        Message = warning.Message,
    };
}
