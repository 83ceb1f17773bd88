using Conversations.Abstractions;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using Conversations.Grains.Window;

namespace Conversations.Grains.Sending;

/// <summary>The rule the whole service exists for: free-form only inside the window, approved templates any time.</summary>
public static class SendPolicy
{
    /// <summary>Shape checks that need no window and no template registry; a message failing them is never stored.</summary>
    public static Refusal? CheckShape(MessageContent content, ContentLimits limits, string templateField = "template") => content switch
    {
        FreeFormContent freeForm => ContentRules.Check(freeForm, limits),
        TemplateMessage template => TemplateSendRules.CheckShape(template, templateField, limits),
        _ => FieldRules.Invalid("content", "unsupported_type", $"Content type {content.GetType().Name} is not supported."),
    };

    public static Refusal? CheckFreeForm(CustomerServiceWindow window, DateTimeOffset now)
    {
        if (window.AllowsFreeFormAt(now))
        {
            return null;
        }

        if (window.ClosesAt is not { } closedAt)
        {
            return Refusal.Of(
                RefusalReason.WindowClosed,
                "The customer has never written to this business number, so only an approved template may be sent.");
        }

        return Refusal.Of(
            RefusalReason.WindowClosed,
            $"The customer service window closed at {Rfc3339.Format(closedAt)}; only an approved template may be sent until the customer writes again.",
            ("window_closed_at", Rfc3339.Format(closedAt)));
    }

    public static Refusal? CheckTemplate(TemplateLookup lookup, TemplateMessage message, TemplateLimits limits)
    {
        if (lookup.Template is not { } template)
        {
            return TemplateRefusals.NotFound(message.Name, message.Language, lookup.LanguagesAvailable);
        }

        return template.Status switch
        {
            TemplateStatus.Approved => TemplateSendRules.Check(template, message, limits),
            TemplateStatus.Paused => Refusal.Of(
                RefusalReason.TemplatePaused,
                $"Template '{template.Name}' ({template.Language}) is paused for low quality until {(template.PausedUntil is { } until ? Rfc3339.Format(until) : "further notice")}.",
                ("template", template.Name),
                ("language", template.Language),
                ("paused_until", template.PausedUntil is { } pausedUntil ? Rfc3339.Format(pausedUntil) : "")),
            TemplateStatus.Disabled => Refusal.Of(
                RefusalReason.TemplateDisabled,
                $"Template '{template.Name}' ({template.Language}) is disabled after repeated low-quality pauses.",
                ("template", template.Name),
                ("language", template.Language)),
            _ => Refusal.Of(
                RefusalReason.TemplateNotApproved,
                $"Template '{template.Name}' ({template.Language}) is {TemplateStatusNames.Of(template.Status)}; only APPROVED templates may be sent.",
                ("template", template.Name),
                ("language", template.Language),
                ("status", TemplateStatusNames.Of(template.Status))),
        };
    }
}
