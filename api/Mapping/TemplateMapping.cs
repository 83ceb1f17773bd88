using Conversations.Abstractions.Templates;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;
using static Conversations.Api.Mapping.ProtoStrings;

namespace Conversations.Api.Mapping;

/// <summary>
/// The proto enums share the domain enums' numbers (but quality), so a cast maps them; UNSPECIFIED (0) stays invalid for the
/// rules to refuse.
/// </summary>
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
        Quality = template.Quality.ToProto(),
        PauseCount = template.PauseCount,
        PausedUntil = template.PausedUntil.ToProto(),
    };

    /// <summary>Lint takes exactly what Upsert takes; one mapping serves both.</summary>
    public static V1.UpsertTemplateRequest ToUpsertRequest(this V1.LintTemplateRequest request) => new()
    {
        WabaId = request.WabaId,
        Name = request.Name,
        Language = request.Language,
        Category = request.Category,
        Status = request.Status,
        Body = request.Body,
        Header = request.Header,
        Footer = request.Footer,
        Buttons = { request.Buttons },
        CodeExpiryMinutes = request.CodeExpiryMinutes,
    };

    /// <summary>Quality is the one template enum whose numbers differ: proto keeps 0 for "not set" and names Meta's UNKNOWN.</summary>
    public static V1.TemplateQuality ToProto(this TemplateQuality quality) => quality switch
    {
        TemplateQuality.Green => V1.TemplateQuality.Green,
        TemplateQuality.Yellow => V1.TemplateQuality.Yellow,
        TemplateQuality.Red => V1.TemplateQuality.Red,
        _ => V1.TemplateQuality.Unknown,
    };

    /// <summary>UNSPECIFIED, or a number this version does not know, maps to an undefined value the registry refuses.</summary>
    public static TemplateQuality ToDomain(this V1.TemplateQuality quality) => quality switch
    {
        V1.TemplateQuality.Unknown => TemplateQuality.Unknown,
        V1.TemplateQuality.Green => TemplateQuality.Green,
        V1.TemplateQuality.Yellow => TemplateQuality.Yellow,
        V1.TemplateQuality.Red => TemplateQuality.Red,
        _ => (TemplateQuality)(-1),
    };

    public static V1.LintWarning ToProto(this LintWarning warning) => new()
    {
        RuleId = warning.RuleId,
        SuggestedCategory = (V1.TemplateCategory)warning.SuggestedCategory,
        MatchedPhrases = { warning.MatchedPhrases },
        Message = warning.Message,
    };
}
