using System.Collections.Immutable;

namespace Conversations.Abstractions.Templates;

/// <summary>
/// What a sync with Meta changed in a WABA's registry: templates added, updated and removed (marked DELETED: Meta no
/// longer holds them), those already equal, and Meta's templates this service could not store ("name [language]: why").
/// </summary>
[GenerateSerializer, Immutable]
[Alias("template-sync-result")]
public sealed record TemplateSyncResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Updated,
    [property: Id(2)] int Removed,
    [property: Id(3)] int Unchanged,
    [property: Id(4)] ImmutableArray<string> Skipped);
