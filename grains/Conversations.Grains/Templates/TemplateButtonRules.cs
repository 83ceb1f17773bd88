using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using static Conversations.Grains.Templates.TemplateRules;

namespace Conversations.Grains.Templates;

/// <summary>Meta's rules for the BUTTONS component: how many of each kind, and what each kind must hold.</summary>
public static partial class TemplateButtonRules
{
    /// <summary>The placeholder a URL button may end in; its value, the dynamic suffix, is given at send time.</summary>
    public const string DynamicSuffix = "{{1}}";

    public static Refusal? Check(ImmutableArray<TemplateButton> buttons, TemplateCategory category, TemplateLimits limits)
    {
        if (buttons.Length > limits.MaxButtons)
        {
            return Invalid("BUTTONS", "max_count", $"a template has at most {limits.MaxButtons} buttons; this one has {buttons.Length}.",
                ("limit", Invariant(limits.MaxButtons)), ("count", Invariant(buttons.Length)));
        }

        for (var i = 0; i < buttons.Length; i++)
        {
            if (CheckButton(buttons[i], i, category, limits) is { } refusal)
            {
                return refusal;
            }
        }

        return FieldRules.First(
            () => AtMost(buttons, ButtonType.Url, limits.MaxUrlButtons, "max_url_buttons"),
            () => AtMost(buttons, ButtonType.PhoneNumber, limits.MaxPhoneNumberButtons, "max_phone_number_buttons"),
            () => AtMost(buttons, ButtonType.CopyCode, limits.MaxCopyCodeButtons, "max_copy_code_buttons"),
            () => AtMost(buttons, ButtonType.Otp, limits.MaxOtpButtons, "max_otp_buttons"));
    }

    /// <summary>Whether the button is filled at send time: a URL's dynamic suffix, a coupon to copy, a one-time passcode.</summary>
    public static bool TakesParameter(TemplateButton button) => button.Type switch
    {
        ButtonType.Url => HasDynamicSuffix(button.Url),
        ButtonType.CopyCode or ButtonType.Otp => true,
        _ => false,
    };

    public static bool HasDynamicSuffix(string? url) =>
        url is not null && url.EndsWith(DynamicSuffix, StringComparison.Ordinal) && TemplatePlaceholders.Count(url) == 1;

    private static Refusal? CheckButton(TemplateButton? button, int index, TemplateCategory category, TemplateLimits limits)
    {
        var at = ("button", Invariant(index));
        if (button is null)
        {
            return Refusal.MissingField($"buttons[{index}]");
        }

        if (!Enum.IsDefined(button.Type))
        {
            return Invalid("BUTTONS", "button_type", $"button {index} has type {(int)button.Type}, which is not QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE or OTP.", at);
        }

        if (button.Type == ButtonType.Otp && category != TemplateCategory.Authentication)
        {
            return Invalid("BUTTONS", "otp_authentication_only", $"button {index} is an OTP button; only AUTHENTICATION templates have one.", at);
        }

        // Meta labels copy-code and OTP buttons itself when no text is given.
        if (string.IsNullOrWhiteSpace(button.Text) && button.Type is not (ButtonType.CopyCode or ButtonType.Otp))
        {
            return Refusal.MissingField($"buttons[{index}].text");
        }

        if (button.Text is { } text && text.Length > limits.MaxButtonTextLength)
        {
            return TooLong("BUTTONS", $"button {index} text", text.Length, limits.MaxButtonTextLength, at, ("field", "text"));
        }

        if (TemplatePlaceholders.Count(button.Text) > 0)
        {
            return Invalid("BUTTONS", "no_parameters", $"button {index} text cannot have placeholders.", at);
        }

        return button.Type switch
        {
            ButtonType.Url => CheckUrl(button.Url, index, limits),
            ButtonType.PhoneNumber => CheckPhoneNumber(button.PhoneNumber, index, limits),
            _ => null,
        };
    }

    private static Refusal? CheckUrl(string? url, int index, TemplateLimits limits)
    {
        var at = ("button", Invariant(index));
        if (string.IsNullOrWhiteSpace(url))
        {
            return Refusal.MissingField($"buttons[{index}].url");
        }

        if (url.Length > limits.MaxButtonUrlLength)
        {
            return TooLong("BUTTONS", $"button {index} url", url.Length, limits.MaxButtonUrlLength, at, ("field", "url"));
        }

        var placeholders = TemplatePlaceholders.Count(url);
        if (placeholders > 1)
        {
            return Invalid("BUTTONS", "url_parameter_count", $"button {index} url has {placeholders} placeholders; a URL takes one, its dynamic suffix.",
                at, ("limit", "1"), ("count", Invariant(placeholders)));
        }

        if (placeholders == 1 && !HasDynamicSuffix(url))
        {
            return Invalid("BUTTONS", "url_dynamic_suffix", $"button {index} url may only end in {DynamicSuffix}, its dynamic suffix.", at);
        }

        var fixedPart = placeholders == 1 ? url[..^DynamicSuffix.Length] : url;
        return !Whitespace().IsMatch(fixedPart)
            && Uri.TryCreate(fixedPart, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
                ? null
                : Invalid("BUTTONS", "url_format", $"button {index} url '{FieldRules.Echo(url)}' is not an absolute https or http URL.", at);
    }

    private static Refusal? CheckPhoneNumber(string? phoneNumber, int index, TemplateLimits limits)
    {
        var at = ("button", Invariant(index));
        if (string.IsNullOrWhiteSpace(phoneNumber))
        {
            return Refusal.MissingField($"buttons[{index}].phone_number");
        }

        if (phoneNumber.Length > limits.MaxButtonPhoneNumberLength)
        {
            return TooLong("BUTTONS", $"button {index} phone number", phoneNumber.Length, limits.MaxButtonPhoneNumberLength, at, ("field", "phone_number"));
        }

        return PhoneNumber().IsMatch(phoneNumber)
            ? null
            : Invalid("BUTTONS", "phone_format", $"button {index} phone number '{FieldRules.Echo(phoneNumber)}' must be '+' and the country code and number, digits only.", at);
    }

    private static Refusal? AtMost(ImmutableArray<TemplateButton> buttons, ButtonType type, int limit, string rule)
    {
        var count = buttons.Count(b => b.Type == type);
        return count > limit
            ? Invalid("BUTTONS", rule, $"a template has at most {limit} {ButtonTypeNames.Of(type)} button(s); this one has {count}.",
                ("limit", Invariant(limit)), ("count", Invariant(count)))
            : null;
    }

    [GeneratedRegex(@"\s")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\+[1-9][0-9]+$")]
    private static partial Regex PhoneNumber();
}
