namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("list-row")]
public sealed record ListRow([property: Id(0)] string Id, [property: Id(1)] string Title, [property: Id(2)] string? Description);
