namespace Conversations.Meta.Wire;

internal sealed record ReactionObject(string MessageId, string Emoji);
