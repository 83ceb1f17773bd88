namespace Conversations.Abstractions.Messages;

[GenerateSerializer, Immutable]
[Alias("reply-button")]
public sealed record ReplyButton([property: Id(0)] string Id, [property: Id(1)] string Title);
