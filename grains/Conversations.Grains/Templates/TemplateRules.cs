using System.Text.RegularExpressions;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>What a template must satisfy before it is stored (Meta's rules, checked before Meta sees it).</summary>
public static partial class TemplateRules
{
    public const int MaxNameLength = 512;
    public const int MaxBodyLength = 1024;

    public static Result<TemplateDefinition> Validate(string wabaId, TemplateDraft draft, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(draft.Name))
        {
            return Refusal.MissingField("name");
        }

        if (draft.Name.Length > MaxNameLength || !TemplateName().IsMatch(draft.Name))
        {
            return Invalid("NAME", "name_format", $"name must be 1 to {MaxNameLength} lowercase letters, digits or '_'.");
        }

        if (string.IsNullOrEmpty(draft.Language))
        {
            return Refusal.MissingField("language");
        }

        if (!LanguageCode().IsMatch(draft.Language))
        {
            return Invalid("LANGUAGE", "language_code", $"language '{draft.Language}' is not a WhatsApp language code such as en, en_US or pt_BR.");
        }

        if (!Enum.IsDefined(draft.Category))
        {
            return Refusal.MissingField("category");
        }

        if (!Enum.IsDefined(draft.Status))
        {
            return Refusal.MissingField("status");
        }

        if (string.IsNullOrWhiteSpace(draft.Body))
        {
            return Refusal.MissingField("body");
        }

        if (draft.Body.Length > MaxBodyLength)
        {
            return Invalid("BODY", "max_length", $"body is {draft.Body.Length} characters; the limit is {MaxBodyLength}.", ("limit", "1024"));
        }

        var placeholders = TemplatePlaceholders.Parse(draft.Body, "BODY");
        if (!placeholders.Succeeded)
        {
            return placeholders.Refusal;
        }

        return Result<TemplateDefinition>.Ok(new TemplateDefinition(
            wabaId, draft.Name, draft.Language, draft.Category, draft.Status, draft.Body,
            placeholders.Value.Format, placeholders.Value.Names, now)
        {
            Header = draft.Header,
            Footer = draft.Footer,
            Buttons = draft.Buttons.IsDefault ? [] : draft.Buttons,
            CodeExpiryMinutes = draft.CodeExpiryMinutes,
        });
    }

    internal static Refusal Invalid(string component, string rule, string message, params (string Key, string Value)[] extra) =>
        Refusal.Of(RefusalReason.TemplateInvalid, message, [("component", component), ("rule", rule), .. extra]);

    [GeneratedRegex(@"^[a-z0-9_]+$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$")]
    private static partial Regex LanguageCode();
}
