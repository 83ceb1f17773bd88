using System.Collections.Immutable;
using System.Globalization;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>
/// Checks at send time that the values given fill exactly the template's placeholders (Meta's 132000), that each value
/// is well formed (132012) and that the text they produce fits (132005).
/// </summary>
public static class TemplateSendRules
{
    /// <summary>What can be checked without the template: identity present, values present.</summary>
    public static Refusal? CheckShape(TemplateMessage message, string field, ContentLimits limits) => FieldRules.First(
        () => FieldRules.Required(message.Name, $"{field}.name"),
        () => FieldRules.Required(message.Language, $"{field}.language"),
        () => message.HeaderMedia is null ? null : Sending.ContentRules.CheckMediaRef(message.HeaderMedia, $"{field}.header_media", limits));

    public static Refusal? Check(TemplateDefinition template, TemplateMessage message) => Check(template, message, new TemplateLimits());

    public static Refusal? Check(TemplateDefinition template, TemplateMessage message, TemplateLimits limits)
    {
        var values = new Values(message);
        return CheckBodyParameters(template, values)
            ?? CheckHeader(template, message)
            ?? CheckButtons(template, values)
            ?? CheckFormats(template, message, values, limits)
            ?? CheckCodes(template, values, limits)
            ?? CheckHydratedLength(template, message, values, limits);
    }

    private static Refusal? CheckBodyParameters(TemplateDefinition template, Values values)
    {
        var expected = template.ParameterNames.Length;
        var received = values.Positional.Length + values.Named.Count;
        switch (template.ParameterFormat)
        {
            case ParameterFormat.Named:
                if (values.Positional.Length > 0)
                {
                    return Mismatch(template, "the template has named placeholders; send named_parameters, not parameters", expected, received);
                }

                var names = template.ParameterNames.ToHashSet(StringComparer.Ordinal);
                var missing = template.ParameterNames.Where(name => !values.Named.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
                var extra = values.Named.Keys.Where(name => !names.Contains(name)).ToList();
                return missing.Count > 0 || extra.Count > 0
                    ? Mismatch(template, "named parameters do not match the template's placeholders", expected, received,
                        ("missing", string.Join(',', missing)), ("unexpected", string.Join(',', extra)))
                    : null;

            default:
                if (values.Named.Count > 0)
                {
                    return Mismatch(template, "the template has no named placeholders; send parameters, not named_parameters", expected, received);
                }

                return values.Positional.Length != expected
                    ? Mismatch(template, $"the template takes {expected} parameters; {values.Positional.Length} were given", expected, received)
                    : null;
        }
    }

    private static Refusal? CheckHeader(TemplateDefinition template, TemplateMessage message)
    {
        var takesText = template.Header is { Format: HeaderFormat.Text } && template.HeaderParameterName is not null;
        if (takesText && message.HeaderText is null)
        {
            return Mismatch(template, $"the header has the placeholder {{{{{template.HeaderParameterName}}}}}; send header_text", 1, 0,
                ("parameter", "header"), ("missing", "header"));
        }

        if (!takesText && message.HeaderText is not null)
        {
            return Mismatch(template, "the template's header has no placeholder; send no header_text", 0, 1,
                ("parameter", "header"), ("unexpected", "header"));
        }

        var takesMedia = template.Header is { Format: HeaderFormat.Image or HeaderFormat.Video or HeaderFormat.Document };
        if (takesMedia && message.HeaderMedia is null)
        {
            return Mismatch(template, $"the template has a {template.Header!.Format.ToString().ToUpperInvariant()} header; send header_media", 1, 0,
                ("parameter", "header_media"), ("missing", "header_media"));
        }

        return !takesMedia && message.HeaderMedia is not null
            ? Mismatch(template, "the template has no media header; send no header_media", 0, 1,
                ("parameter", "header_media"), ("unexpected", "header_media"))
            : null;
    }

    private static Refusal? CheckButtons(TemplateDefinition template, Values values)
    {
        var buttons = template.Buttons.IsDefault ? [] : template.Buttons;
        var expected = buttons.Count(TemplateButtonRules.TakesParameter);
        var received = values.Buttons.Length;
        foreach (var group in values.Buttons.GroupBy(b => b.Index).OrderBy(g => g.Key))
        {
            var parameter = ("parameter", $"button.{Invariant(group.Key)}");
            if (group.Key < 0 || group.Key >= buttons.Length)
            {
                return Mismatch(template, $"the template has no button {group.Key}", expected, received, parameter, ("unexpected", parameter.Item2));
            }

            if (!TemplateButtonRules.TakesParameter(buttons[group.Key]))
            {
                return Mismatch(template, $"button {group.Key} ({ButtonTypeNames.Of(buttons[group.Key].Type)}) takes no parameter", expected, received,
                    parameter, ("unexpected", parameter.Item2));
            }

            if (group.Count() > 1)
            {
                return Mismatch(template, $"button {group.Key} was given {group.Count()} values; it takes one", expected, received,
                    parameter, ("unexpected", parameter.Item2));
            }
        }

        for (var i = 0; i < buttons.Length; i++)
        {
            if (TemplateButtonRules.TakesParameter(buttons[i]) && !values.Buttons.Any(b => b.Index == i))
            {
                var what = buttons[i].Type == ButtonType.Url ? "its URL's dynamic suffix" : "its code";
                var parameter = $"button.{Invariant(i)}";
                return Mismatch(template, $"button {i} ({ButtonTypeNames.Of(buttons[i].Type)}) needs a parameter, {what}", expected, received,
                    ("parameter", parameter), ("missing", parameter));
            }
        }

        return null;
    }

    private static Refusal? CheckFormats(TemplateDefinition template, TemplateMessage message, Values values, TemplateLimits limits)
    {
        foreach (var (parameter, value) in Parameters(template, message, values))
        {
            var rule = FormatRule(value, limits.MaxConsecutiveSpaces);
            if (rule is not null)
            {
                var problem = rule switch
                {
                    "empty" => "is empty",
                    "newline" => "contains a newline",
                    "tab" => "contains a tab",
                    _ => $"contains more than {limits.MaxConsecutiveSpaces} consecutive spaces",
                };
                (string Key, string Value)[] limit = rule == "consecutive_spaces" ? [("limit", Invariant(limits.MaxConsecutiveSpaces))] : [];
                return Format(template, $"parameter {parameter} {problem}; a parameter value may not be empty or contain a newline, a tab or more than {limits.MaxConsecutiveSpaces} consecutive spaces",
                    parameter, rule, limit);
            }
        }

        return null;
    }

    private static Refusal? CheckCodes(TemplateDefinition template, Values values, TemplateLimits limits)
    {
        var authentication = template.Category == TemplateCategory.Authentication;
        if (authentication && template.ParameterNames.Length == 1)
        {
            var (parameter, code) = Parameters(template, values).First();
            if (code.Length > limits.MaxAuthenticationCodeLength)
            {
                return CodeTooLong(template, parameter, code, "authentication_code_length", limits.MaxAuthenticationCodeLength);
            }
        }

        var buttons = template.Buttons.IsDefault ? [] : template.Buttons;
        foreach (var value in values.Buttons)
        {
            var type = buttons[value.Index].Type;
            var (rule, limit) = type switch
            {
                ButtonType.Otp => ("authentication_code_length", limits.MaxAuthenticationCodeLength),
                ButtonType.CopyCode when authentication => ("authentication_code_length", limits.MaxAuthenticationCodeLength),
                ButtonType.CopyCode => ("copy_code_length", limits.MaxCopyCodeLength),
                _ => ((string?)null, 0),
            };
            if (rule is not null && value.Value.Length > limit)
            {
                return CodeTooLong(template, $"button.{Invariant(value.Index)}", value.Value, rule, limit);
            }
        }

        return null;
    }

    private static Refusal? CheckHydratedLength(TemplateDefinition template, TemplateMessage message, Values values, TemplateLimits limits)
    {
        var body = TemplatePlaceholders.Hydrate(template.Body, name => template.ParameterFormat == ParameterFormat.Named
            ? values.Named.GetValueOrDefault(name)
            : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= values.Positional.Length
                ? values.Positional[position - 1]
                : null);
        if (body.Length > limits.MaxBodyLength)
        {
            return TooLong(template, "BODY", body.Length, limits.MaxBodyLength);
        }

        if (template.Header is { Format: HeaderFormat.Text, Text: { } headerText } && template.HeaderParameterName is not null)
        {
            var header = TemplatePlaceholders.Hydrate(headerText, _ => message.HeaderText);
            if (header.Length > limits.MaxHeaderTextLength)
            {
                return TooLong(template, "HEADER", header.Length, limits.MaxHeaderTextLength);
            }
        }

        return null;
    }

    /// <summary>Every value given, named as refusals name it: body.1, body.first_name, header, button.2.</summary>
    private static IEnumerable<(string Parameter, string? Value)> Parameters(TemplateDefinition template, TemplateMessage message, Values values)
    {
        foreach (var body in Parameters(template, values))
        {
            yield return body;
        }

        if (message.HeaderText is not null)
        {
            yield return ("header", message.HeaderText);
        }

        foreach (var button in values.Buttons.OrderBy(b => b.Index))
        {
            yield return ($"button.{Invariant(button.Index)}", button.Value);
        }
    }

    private static IEnumerable<(string Parameter, string Value)> Parameters(TemplateDefinition template, Values values) =>
        template.ParameterFormat == ParameterFormat.Named
            ? template.ParameterNames.Select(name => ($"body.{name}", values.Named[name]))
            : values.Positional.Select((value, i) => ($"body.{Invariant(i + 1)}", value));

    private static string? FormatRule(string? value, int maxConsecutiveSpaces)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "empty";
        }

        if (value.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            return "newline";
        }

        if (value.Contains('\t', StringComparison.Ordinal))
        {
            return "tab";
        }

        return value.Contains(new string(' ', maxConsecutiveSpaces + 1), StringComparison.Ordinal) ? "consecutive_spaces" : null;
    }

    private static Refusal Mismatch(TemplateDefinition template, string why, int expected, int received, params (string Key, string Value)[] extra) =>
        Refusal.Of(
            RefusalReason.TemplateParameterMismatch,
            $"Template '{template.Name}' ({template.Language}): {why}.",
            [("template", template.Name), ("language", template.Language),
             ("expected", Invariant(expected)), ("received", Invariant(received)), .. extra]);

    private static Refusal Format(TemplateDefinition template, string why, string parameter, string rule, params (string Key, string Value)[] extra) =>
        Refusal.Of(
            RefusalReason.TemplateParameterFormat,
            $"Template '{template.Name}' ({template.Language}): {why}.",
            [("template", template.Name), ("language", template.Language), ("parameter", parameter), ("rule", rule), .. extra]);

    private static Refusal CodeTooLong(TemplateDefinition template, string parameter, string code, string rule, int limit) =>
        Format(template, $"parameter {parameter} is {code.Length} characters; a code is at most {limit}", parameter, rule,
            ("limit", Invariant(limit)), ("length", Invariant(code.Length)));

    private static Refusal TooLong(TemplateDefinition template, string component, int length, int limit) =>
        Refusal.Of(
            RefusalReason.TemplateTextTooLong,
            $"Template '{template.Name}' ({template.Language}): the {component} with its parameters is {length} characters; the limit is {limit}.",
            ("template", template.Name), ("language", template.Language),
            ("component", component), ("limit", Invariant(limit)), ("length", Invariant(length)));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The message's values with absent collections read as empty.</summary>
    private sealed class Values(TemplateMessage message)
    {
        public ImmutableArray<string> Positional { get; } = message.Parameters.IsDefault ? [] : message.Parameters;

        public ImmutableSortedDictionary<string, string> Named { get; } = message.NamedParameters ?? ImmutableSortedDictionary<string, string>.Empty;

        public ImmutableArray<ButtonParameter> Buttons { get; } = message.ButtonParameters.IsDefault ? [] : message.ButtonParameters;
    }
}
