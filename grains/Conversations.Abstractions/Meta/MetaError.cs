namespace Conversations.Abstractions.Meta;

/// <summary>An error as Meta reported it (send response or failed status webhook).</summary>
[GenerateSerializer, Immutable]
[Alias("meta-error")]
public sealed record MetaError([property: Id(0)] int Code, [property: Id(1)] string Title, [property: Id(2)] string? Details);
