namespace Conversations.Abstractions.Messages;

[GenerateSerializer]
[Alias("message-kind")]
public enum MessageKind
{
    FreeForm = 1,
    Template = 2,
}
