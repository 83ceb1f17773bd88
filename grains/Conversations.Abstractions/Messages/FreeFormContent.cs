namespace Conversations.Abstractions.Messages;

/// <summary>Content that may only be sent while the customer service window is open.</summary>
[GenerateSerializer, Immutable]
[Alias("free-form-content")]
public abstract record FreeFormContent : MessageContent
{
    public sealed override MessageKind Kind => MessageKind.FreeForm;
}
