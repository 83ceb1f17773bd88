using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using static Conversations.Grains.Templates.TemplateRules;

namespace Conversations.Grains.Templates;

/// <summary>
/// What Meta adds for AUTHENTICATION templates: a one-time passcode and nothing else, so no URLs, media or emoji,
/// only code buttons, and exactly one body parameter, the code.
/// </summary>
public static partial class AuthenticationTemplateRules
{
    public static Refusal? Check(TemplateDraft draft, TemplatePlaceholders.Parsed body)
    {
        if (draft.Header is { Format: not HeaderFormat.Text } header)
        {
            return Invalid("HEADER", "authentication_no_media", $"an AUTHENTICATION template cannot have a {header.Format.ToString().ToUpperInvariant()} header.");
        }

        var buttons = draft.Buttons.IsDefault ? [] : draft.Buttons;
        for (var i = 0; i < buttons.Length; i++)
        {
            if (buttons[i].Type is not (ButtonType.Otp or ButtonType.CopyCode))
            {
                return Invalid("BUTTONS", "authentication_buttons",
                    $"button {i} is {ButtonTypeNames.Of(buttons[i].Type)}; an AUTHENTICATION template has only OTP or COPY_CODE buttons.",
                    ("button", Invariant(i)));
            }
        }

        if (body.Names.Length != 1)
        {
            return Invalid("BODY", "authentication_code_parameter",
                $"an AUTHENTICATION body has exactly one placeholder, the code; it has {body.Names.Length}.",
                ("expected", "1"), ("count", Invariant(body.Names.Length)));
        }

        var texts = new (string Component, string? Text, int? Button)[] { ("HEADER", draft.Header?.Text, null), ("BODY", draft.Body, null), ("FOOTER", draft.Footer, null) }
            .Concat(buttons.Select((b, i) => ("BUTTONS", (string?)b.Text, (int?)i)));
        foreach (var (component, text, button) in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            (string Key, string Value)[] at = button is { } index ? [("button", Invariant(index))] : [];
            if (component != "BUTTONS" && Url().Match(text) is { Success: true } url)
            {
                return Invalid(component, "authentication_no_url", $"an AUTHENTICATION template cannot contain a URL ('{url.Value}').", at);
            }

            if (Emoji.FindFirst(text) is { } emoji)
            {
                return Invalid(component, "authentication_no_emoji",
                    $"an AUTHENTICATION template cannot contain emoji ('{emoji}', U+{emoji.Value.ToString("X4", CultureInfo.InvariantCulture)}).",
                    [.. at, ("emoji", $"U+{emoji.Value.ToString("X4", CultureInfo.InvariantCulture)}")]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bhttps?://\S*|\bwww\.\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
