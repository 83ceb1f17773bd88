using System.Globalization;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>Checks at send time that the values given fill exactly the template's placeholders (Meta's 132000).</summary>
public static class TemplateSendRules
{
    /// <summary>What can be checked without the template: identity present, values present.</summary>
    public static Refusal? CheckShape(TemplateMessage message, string field, ContentLimits limits) => Sending.FieldRules.First(
        () => Sending.FieldRules.Required(message.Name, $"{field}.name"),
        () => Sending.FieldRules.Required(message.Language, $"{field}.language"),
        () => message.HeaderMedia is null ? null : Sending.ContentRules.CheckMediaRef(message.HeaderMedia, $"{field}.header_media", limits));

    public static Refusal? Check(TemplateDefinition template, TemplateMessage message)
    {
        switch (template.ParameterFormat)
        {
            case ParameterFormat.Named:
                if (message.Parameters.Length > 0)
                {
                    return Mismatch(template, message, "the template has named placeholders; send named_parameters, not parameters");
                }

                var expected = template.ParameterNames.ToHashSet(StringComparer.Ordinal);
                var missing = expected.Where(name => !message.NamedParameters.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
                var extra = message.NamedParameters.Keys.Where(name => !expected.Contains(name)).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                {
                    return Mismatch(template, message, "named parameters do not match the template's placeholders",
                        ("missing", string.Join(',', missing)), ("unexpected", string.Join(',', extra)));
                }

                return null;

            default:
                if (message.NamedParameters.Count > 0)
                {
                    return Mismatch(template, message, "the template has no named placeholders; send parameters, not named_parameters");
                }

                if (message.Parameters.Length != template.ParameterNames.Length)
                {
                    return Mismatch(template, message, $"the template takes {template.ParameterNames.Length} parameters; {message.Parameters.Length} were given");
                }

                return null;
        }
    }

    private static Refusal Mismatch(TemplateDefinition template, TemplateMessage message, string why, params (string Key, string Value)[] extra) =>
        Refusal.Of(
            RefusalReason.TemplateParameterMismatch,
            $"Template '{template.Name}' ({template.Language}): {why}.",
            [("template", template.Name), ("language", template.Language),
             ("expected", template.ParameterNames.Length.ToString(CultureInfo.InvariantCulture)),
             ("received", (message.Parameters.Length + message.NamedParameters.Count).ToString(CultureInfo.InvariantCulture)), .. extra]);
}
