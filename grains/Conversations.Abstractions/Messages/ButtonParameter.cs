namespace Conversations.Abstractions.Messages;

/// <summary>The value for a template button that takes one: a URL suffix, a copy code or a one-time passcode.</summary>
[GenerateSerializer, Immutable]
[Alias("button-parameter")]
public sealed record ButtonParameter([property: Id(0)] int Index, [property: Id(1)] string Value);
