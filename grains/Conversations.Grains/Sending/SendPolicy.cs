using System.Globalization;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using Conversations.Grains.Window;

namespace Conversations.Grains.Sending;

/// <summary>The rule the whole service exists for: free-form only inside the window, approved templates any time.</summary>
public static class SendPolicy
{
    public static Refusal? CheckContent(MessageContent content, ConversationOptions options) => content switch
    {
        TextMessage { Body: null or "" } => Refusal.MissingField("text.body"),
        TextMessage text when text.Body.Length > options.MaxTextLength => Refusal.Of(
            RefusalReason.TextTooLong,
            $"Text is {text.Body.Length} characters; WhatsApp allows {options.MaxTextLength}.",
            ("limit", options.MaxTextLength.ToString(CultureInfo.InvariantCulture)),
            ("length", text.Body.Length.ToString(CultureInfo.InvariantCulture))),
        TemplateMessage { Name: null or "" } => Refusal.MissingField("template.name"),
        TemplateMessage { Language: null or "" } => Refusal.MissingField("template.language"),
        _ => null,
    };

    public static Refusal? CheckFreeForm(CustomerServiceWindow window, DateTimeOffset now, TimeSpan safetyMargin)
    {
        if (window.IsOpenAt(now, safetyMargin))
        {
            return null;
        }

        if (window.ExpiresAt is not { } expiresAt)
        {
            return Refusal.Of(
                RefusalReason.WindowClosed,
                "The customer has never written to this business number, so only an approved template may be sent.");
        }

        var closedAt = expiresAt - safetyMargin;
        return Refusal.Of(
            RefusalReason.WindowClosed,
            $"The customer service window closed at {closedAt:O}; only an approved template may be sent until the customer writes again.",
            ("window_closed_at", closedAt.ToString("O", CultureInfo.InvariantCulture)));
    }

    public static Refusal? CheckTemplate(TemplateLookup lookup, TemplateMessage message)
    {
        if (lookup.Template is not { } template)
        {
            var known = lookup.LanguagesAvailable.IsDefaultOrEmpty
                ? "no language"
                : string.Join(", ", lookup.LanguagesAvailable);
            return Refusal.Of(
                RefusalReason.TemplateNotFound,
                $"Template '{message.Name}' does not exist in language '{message.Language}' (it exists in {known}).",
                ("template", message.Name),
                ("language", message.Language),
                ("languages_available", lookup.LanguagesAvailable.IsDefaultOrEmpty ? "" : string.Join(',', lookup.LanguagesAvailable)));
        }

        if (template.Status != TemplateStatus.Approved)
        {
            return Refusal.Of(
                RefusalReason.TemplateNotApproved,
                $"Template '{template.Name}' ({template.Language}) is {template.Status}; only APPROVED templates may be sent.",
                ("template", template.Name),
                ("language", template.Language),
                ("status", TemplateStatusNames.Of(template.Status)));
        }

        return TemplateParameters.Check(template, message);
    }
}
