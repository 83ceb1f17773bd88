using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Templates;
using Conversations.Grains.Window;

namespace Conversations.Grains.Sending;

/// <summary>
/// Decides one send at one instant: free-form inside the window, otherwise its fallback template if it has one,
/// otherwise WINDOW_CLOSED; templates whenever they are approved and filled correctly.
/// </summary>
public static class SendDecider
{
    public static async Task<SendDecision> Decide(
        MessageContent content,
        TemplateMessage? fallback,
        CustomerServiceWindow window,
        DateTimeOffset now,
        TemplateLimits limits,
        Func<TemplateMessage, Task<TemplateLookup>> findTemplate)
    {
        if (content is TemplateMessage template)
        {
            return await DecideTemplate(template, usedFallback: false, limits, findTemplate);
        }

        if (SendPolicy.CheckFreeForm(window, now) is not { } closed)
        {
            return new SendDecision(null, content, UsedFallback: false, Category: null);
        }

        return fallback is null ? SendDecision.Refused(closed) : await DecideTemplate(fallback, usedFallback: true, limits, findTemplate);
    }

    private static async Task<SendDecision> DecideTemplate(TemplateMessage template, bool usedFallback, TemplateLimits limits, Func<TemplateMessage, Task<TemplateLookup>> findTemplate)
    {
        var lookup = await findTemplate(template);
        if (SendPolicy.CheckTemplate(lookup, template, limits) is { } refused)
        {
            return SendDecision.Refused(usedFallback ? AsFallbackRefusal(refused) : refused);
        }

        return new SendDecision(null, template, usedFallback, lookup.Template!.Category);
    }

    /// <summary>The fallback's own reason, marked so the caller knows the window was closed and the fallback was what failed.</summary>
    private static Refusal AsFallbackRefusal(Refusal refusal) =>
        refusal with
        {
            Message = $"The window is closed and the fallback template was refused: {refusal.Message}",
            Metadata = refusal.Metadata.SetItem("fallback", "true"),
        };
}
