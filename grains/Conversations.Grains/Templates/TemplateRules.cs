using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>
/// What a template must satisfy before it is stored (Meta's rules, checked before Meta sees it). Every broken rule is
/// refused as <see cref="RefusalReason.TemplateInvalid"/> naming the component and the rule; a missing value as
/// <see cref="RefusalReason.MissingField"/> naming the field.
/// </summary>
public static partial class TemplateRules
{
    public static Result<TemplateDefinition> Validate(string wabaId, TemplateDraft draft, DateTimeOffset now) =>
        Validate(wabaId, draft, now, new TemplateLimits());

    public static Result<TemplateDefinition> Validate(string wabaId, TemplateDraft draft, DateTimeOffset now, TemplateLimits limits)
    {
        var identity = CheckIdentity(draft, limits);
        if (identity is not null)
        {
            return identity;
        }

        var body = CheckBody(draft.Body, limits);
        if (!body.Succeeded)
        {
            return body.Refusal;
        }

        var header = CheckHeader(draft.Header, limits);
        if (!header.Succeeded)
        {
            return header.Refusal;
        }

        var buttons = draft.Buttons.IsDefault ? [] : draft.Buttons;
        var refusal = FieldRules.First(
            () => CheckParameterStyle(header.Value, body.Value),
            () => CheckFooter(draft.Footer, limits),
            () => TemplateButtonRules.Check(buttons, draft.Category, limits),
            () => CheckCodeExpiry(draft, limits),
            () => draft.Category == TemplateCategory.Authentication
                ? AuthenticationTemplateRules.Check(draft, body.Value)
                : null);
        if (refusal is not null)
        {
            return refusal;
        }

        // Meta's parameter_format is one per template: the body's, or the header's when only the header has a placeholder.
        var format = body.Value.Format != ParameterFormat.None ? body.Value.Format : header.Value.Format;
        return Result<TemplateDefinition>.Ok(new TemplateDefinition(
            wabaId, draft.Name, draft.Language, draft.Category, draft.Status, draft.Body,
            format, body.Value.Names, now)
        {
            Header = draft.Header,
            HeaderParameterName = header.Value.Names.IsEmpty ? null : header.Value.Names[0],
            Footer = string.IsNullOrEmpty(draft.Footer) ? null : draft.Footer,
            Buttons = buttons,
            CodeExpiryMinutes = draft.CodeExpiryMinutes,
        });
    }

    private static Refusal? CheckIdentity(TemplateDraft draft, TemplateLimits limits)
    {
        if (string.IsNullOrEmpty(draft.Name))
        {
            return Refusal.MissingField("name");
        }

        if (draft.Name.Length > limits.MaxNameLength || !TemplateName().IsMatch(draft.Name))
        {
            return Invalid("NAME", "name_format", $"name must be 1 to {limits.MaxNameLength} lowercase letters, digits or '_'.",
                ("limit", Invariant(limits.MaxNameLength)), ("length", Invariant(draft.Name.Length)));
        }

        if (string.IsNullOrEmpty(draft.Language))
        {
            return Refusal.MissingField("language");
        }

        if (!LanguageCode().IsMatch(draft.Language))
        {
            return Invalid("LANGUAGE", "language_code", $"language '{FieldRules.Echo(draft.Language)}' is not a WhatsApp language code such as en, en_US or pt_BR.");
        }

        if (!Enum.IsDefined(draft.Category))
        {
            return Refusal.MissingField("category");
        }

        return Enum.IsDefined(draft.Status) ? null : Refusal.MissingField("status");
    }

    private static Result<TemplatePlaceholders.Parsed> CheckBody(string? body, TemplateLimits limits)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Refusal.MissingField("body");
        }

        if (body.Length > limits.MaxBodyLength)
        {
            return TooLong("BODY", "body", body.Length, limits.MaxBodyLength);
        }

        return TemplatePlaceholders.Parse(body, "BODY");
    }

    private static Result<TemplatePlaceholders.Parsed> CheckHeader(TemplateHeader? header, TemplateLimits limits)
    {
        var none = Result<TemplatePlaceholders.Parsed>.Ok(new TemplatePlaceholders.Parsed(ParameterFormat.None, []));
        switch (header?.Format)
        {
            case null:
                return none;

            case HeaderFormat.Text:
                if (string.IsNullOrWhiteSpace(header.Text))
                {
                    return Refusal.MissingField("header.text");
                }

                if (header.Text.Length > limits.MaxHeaderTextLength)
                {
                    return TooLong("HEADER", "header text", header.Text.Length, limits.MaxHeaderTextLength);
                }

                var count = TemplatePlaceholders.Count(header.Text);
                if (count > 1)
                {
                    return Invalid("HEADER", "parameter_count", $"a text header takes at most one placeholder; it has {count}.",
                        ("limit", "1"), ("count", Invariant(count)));
                }

                return TemplatePlaceholders.Parse(header.Text, "HEADER");

            case HeaderFormat.Image or HeaderFormat.Video or HeaderFormat.Document:
                return string.IsNullOrEmpty(header.Text)
                    ? none
                    : Invalid("HEADER", "media_without_text", $"a {header.Format.ToString().ToUpperInvariant()} header has no text; its media is given at send time.");

            default:
                return Invalid("HEADER", "header_format", $"header format {(int)header.Format} is not TEXT, IMAGE, VIDEO or DOCUMENT.");
        }
    }

    private static Refusal? CheckParameterStyle(TemplatePlaceholders.Parsed header, TemplatePlaceholders.Parsed body) =>
        header.Format != ParameterFormat.None && body.Format != ParameterFormat.None && header.Format != body.Format
            ? Invalid("HEADER", "mixed_parameters",
                $"the header's placeholder is {Style(header.Format)} but the body's are {Style(body.Format)}; a template uses one style throughout.")
            : null;

    private static Refusal? CheckFooter(string? footer, TemplateLimits limits)
    {
        if (string.IsNullOrEmpty(footer))
        {
            return null;
        }

        if (footer.Length > limits.MaxFooterLength)
        {
            return TooLong("FOOTER", "footer", footer.Length, limits.MaxFooterLength);
        }

        return TemplatePlaceholders.Count(footer) > 0
            ? Invalid("FOOTER", "no_parameters", "a footer cannot have placeholders.")
            : null;
    }

    private static Refusal? CheckCodeExpiry(TemplateDraft draft, TemplateLimits limits)
    {
        if (draft.CodeExpiryMinutes is not { } minutes)
        {
            return null;
        }

        if (draft.Category != TemplateCategory.Authentication)
        {
            return Invalid("CODE_EXPIRY", "authentication_only", "only AUTHENTICATION templates have a code expiry.");
        }

        return minutes < limits.MinCodeExpiryMinutes || minutes > limits.MaxCodeExpiryMinutes
            ? Invalid("CODE_EXPIRY", "expiry_range",
                $"code expiry is {minutes} minutes; it must be {limits.MinCodeExpiryMinutes} to {limits.MaxCodeExpiryMinutes}.",
                ("min", Invariant(limits.MinCodeExpiryMinutes)), ("max", Invariant(limits.MaxCodeExpiryMinutes)), ("value", Invariant(minutes)))
            : null;
    }

    internal static Refusal Invalid(string component, string rule, string message, params (string Key, string Value)[] extra) =>
        Refusal.Of(RefusalReason.TemplateInvalid, $"{component} ({rule}): {message}", [("component", component), ("rule", rule), .. extra]);

    internal static Refusal TooLong(string component, string what, int length, int limit, params (string Key, string Value)[] extra) =>
        Invalid(component, "max_length", $"{what} is {length} characters; the limit is {limit}.",
            [("limit", Invariant(limit)), ("length", Invariant(length)), .. extra]);

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Style(ParameterFormat format) => format == ParameterFormat.Named ? "named" : "positional";

    [GeneratedRegex(@"^[a-z0-9_]+$")]
    private static partial Regex TemplateName();

    // Meta's codes are a language (en, fil) with an optional region (en_US, pt_BR) or UN M.49 area (es_419).
    [GeneratedRegex(@"^[a-z]{2,3}(_([A-Z]{2}|[0-9]{3}))?$")]
    private static partial Regex LanguageCode();
}
