using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>Meta's pause escalation for low-quality templates: paused 3 h, then 6 h, then disabled.</summary>
public static class TemplateLifecycle
{
    public static TemplateDefinition Apply(TemplateDefinition template, TemplateStatus status, DateTimeOffset now, ConversationOptions options)
    {
        if (status != TemplateStatus.Paused)
        {
            return template with { Status = status, PausedUntil = null, UpdatedAt = now };
        }

        // A redelivered PAUSED webhook while the pause still runs is the same pause, not the next step towards DISABLED.
        if (template is { Status: TemplateStatus.Paused, PausedUntil: { } until } && until > now)
        {
            return template;
        }

        var pauses = template.PauseCount + 1;
        return pauses >= 3
            ? template with { Status = TemplateStatus.Disabled, PauseCount = pauses, PausedUntil = null, UpdatedAt = now }
            : template with
            {
                Status = TemplateStatus.Paused,
                PauseCount = pauses,
                PausedUntil = now + (pauses == 1 ? options.FirstTemplatePause : options.SecondTemplatePause),
                UpdatedAt = now,
            };
    }

    /// <summary>The status that counts at <paramref name="now"/>: a pause that has run out is over without anyone saying so.</summary>
    public static TemplateDefinition EffectiveAt(TemplateDefinition template, DateTimeOffset now) =>
        template is { Status: TemplateStatus.Paused, PausedUntil: { } until } && until <= now
            ? template with { Status = TemplateStatus.Approved, PausedUntil = null }
            : template;
}
