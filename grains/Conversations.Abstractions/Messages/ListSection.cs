using System.Collections.Immutable;

namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("list-section")]
public sealed record ListSection([property: Id(0)] string? Title, [property: Id(1)] ImmutableArray<ListRow> Rows);
