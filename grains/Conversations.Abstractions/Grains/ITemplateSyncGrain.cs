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
}
