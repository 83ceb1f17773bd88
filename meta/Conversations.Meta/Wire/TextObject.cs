namespace Conversations.Meta.Wire;

internal sealed record TextObject(bool PreviewUrl, string Body);
