using System.Collections.Immutable;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>The templates of one WhatsApp Business Account, keyed by WABA id.</summary>
[Alias("template-registry")]
public interface ITemplateRegistryGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task<Result<TemplateDefinition>> Upsert(TemplateDraft draft, CancellationToken cancellationToken = default);

    [Alias("find"), ReadOnly]
    Task<TemplateLookup> Find(string name, string language, CancellationToken cancellationToken = default);

    [Alias("list"), ReadOnly]
    Task<ImmutableArray<TemplateDefinition>> List(CancellationToken cancellationToken = default);
}
