using System.Collections.Immutable;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>The templates of one WhatsApp Business Account, keyed by WABA id.</summary>
[Alias("template-registry")]
public interface ITemplateRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the registry equal to Meta's templates: each one stored as Meta holds it (its status and category too), and
    /// a stored template Meta does not hold marked DELETED.
    /// </summary>
    [Alias("apply-meta-view")]
    Task<TemplateSyncResult> ApplyMetaView(ImmutableArray<TemplateDraft> atMeta, CancellationToken cancellationToken = default);

    /// <summary>Validates and stores a template; returns it with the category lint's warnings.</summary>
    [Alias("upsert")]
    Task<Result<TemplateUpsertResult>> Upsert(TemplateDraft draft, CancellationToken cancellationToken = default);

    [Alias("find"), ReadOnly]
    Task<TemplateLookup> Find(string name, string language, CancellationToken cancellationToken = default);

    [Alias("list"), ReadOnly]
    Task<ImmutableArray<TemplateDefinition>> List(CancellationToken cancellationToken = default);

    /// <summary>Applies a lifecycle event (Meta's message_template_status_update); PAUSED escalates 3 h, 6 h, then DISABLED.</summary>
    [Alias("set-status")]
    Task<Result<TemplateDefinition>> SetStatus(string name, string language, TemplateStatus status, CancellationToken cancellationToken = default);

    /// <summary>Meta re-categorized the template (template_category_update).</summary>
    [Alias("set-category")]
    Task<Result<TemplateDefinition>> SetCategory(string name, string language, TemplateCategory category, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a business number sends this WABA's templates, so its subscribers hear of their status changes.
    /// Idempotent; called by a number registered before registries tracked their numbers, which is admitted whatever the quota.
    /// </summary>
    [Alias("add-business-number")]
    Task AddBusinessNumber(string businessNumberId, CancellationToken cancellationToken = default);

    /// <summary>The business numbers registered to this WABA, in no particular order.</summary>
    [Alias("business-numbers"), ReadOnly]
    Task<ImmutableArray<string>> BusinessNumbers(CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="AddBusinessNumber"/> for a number joining this WABA (registered or moved to it): refused with
    /// NUMBER_QUOTA_EXCEEDED when the WABA already has its most numbers. Idempotent: a number it has is admitted again.
    /// </summary>
    [Alias("admit-business-number")]
    Task<Refusal?> AdmitBusinessNumber(string businessNumberId, CancellationToken cancellationToken = default);

    /// <summary>The number left this WABA (released or moved): its subscribers no longer hear of these templates. Idempotent.</summary>
    [Alias("remove-business-number")]
    Task RemoveBusinessNumber(string businessNumberId, CancellationToken cancellationToken = default);

    [Alias("set-quality")]
    Task<Result<TemplateDefinition>> SetQuality(string name, string language, TemplateQuality quality, CancellationToken cancellationToken = default);
}
