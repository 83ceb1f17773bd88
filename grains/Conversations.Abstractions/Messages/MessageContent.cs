namespace Conversations.Abstractions.Messages;

/// <summary>What a business asks to send: one kind of free-form content, or a template.</summary>
[GenerateSerializer, Immutable]
[Alias("message-content")]
public abstract record MessageContent
{
    public abstract MessageKind Kind { get; }

    /// <summary>Meta's message type name ("text", "image", "interactive", "template", ...), used in logs and receipts.</summary>
    public abstract string TypeName { get; }
}
