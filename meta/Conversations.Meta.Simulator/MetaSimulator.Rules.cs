using System.Text.Json.Nodes;
using Conversations.Abstractions.Identity;

namespace Conversations.Meta.Simulator;

/// <summary>Meta's rules for a template send that the simulator checks beside its 24 h rule, throughput and pair rate.</summary>
public sealed partial class MetaSimulator
{
    /// <summary>
    /// Meta's refusal of a template the WABA's catalog does not let through: 132001 when it has no template of that name
    /// in that language or one not approved, 132015 paused, 132016 disabled. A WABA the simulator holds no template
    /// for is not checked, so that an api whose templates were only typed in by hand still sends to it.
    /// </summary>
    private int? TemplateRefusal(string wabaId, JsonNode body)
    {
        if (!_templates.Knows(wabaId))
        {
            return null;
        }

        return _templates.Find(wabaId, TemplateName(body), TemplateLanguage(body))?.Status switch
        {
            "APPROVED" => null,
            "PAUSED" => MetaErrorBody.TemplatePaused,
            "DISABLED" => MetaErrorBody.TemplateDisabled,
            _ => MetaErrorBody.TemplateDoesNotExist,
        };
    }

    /// <summary>The template's pricing category, lower case: from the WABA's catalog, else the configured names, else the default.</summary>
    private string CategoryOf(string wabaId, JsonNode body)
    {
        var name = TemplateName(body);
        if (_templates.Find(wabaId, name, TemplateLanguage(body)) is { } template)
        {
            return template.Category.ToLowerInvariant();
        }

        return _options.TemplateCategories.TryGetValue(name, out var category) ? category.ToLowerInvariant() : _options.DefaultTemplateCategory;
    }

    /// <summary>A marketing template to a region Meta does not deliver marketing to is accepted, then fails with 131049.</summary>
    private SimulatedFault? MarketingUndelivered(string to)
    {
        var regions = _options.MarketingUndeliveredRegions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return regions.Contains(CustomerNumber.Region(WaId.Of(to)), StringComparer.OrdinalIgnoreCase)
            ? new SimulatedFault { Code = MetaErrorBody.EcosystemEngagement, AsFailedStatus = true }
            : null;
    }

    private static string TemplateName(JsonNode body) => body["template"]?["name"]?.GetValue<string>() ?? "";

    private static string TemplateLanguage(JsonNode body) => body["template"]?["language"]?["code"]?.GetValue<string>() ?? "";
}
