using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Abstractions.Grains;

/// <summary>Keeps one WABA's template registry equal to Meta's view of its templates; keyed by WABA id.</summary>
[Alias("template-sync")]
public interface ITemplateSyncGrain : IGrainWithStringKey
{
    /// <summary>Reads every template Meta holds for the WABA and applies them to the registry.</summary>
    [Alias("sync")]
    Task<Result<TemplateSyncResult>> Sync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a template by the registry's rules, submits it to Meta for review and stores it as Meta answered. Meta's
    /// request carries a text header, body and footer: buttons, a media header or a code expiry are refused first.
    /// </summary>
    [Alias("submit")]
    Task<Result<TemplateSubmission>> Submit(TemplateDraft draft, CancellationToken cancellationToken = default);
}
