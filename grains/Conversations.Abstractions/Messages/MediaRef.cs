namespace Conversations.Abstractions.Messages;

/// <summary>Media uploaded to Meta (an id) or hosted by the business (an https link); exactly one of the two.</summary>
[GenerateSerializer, Immutable]
[Alias("media-ref")]
public sealed record MediaRef([property: Id(0)] string? Id, [property: Id(1)] string? Link);
