namespace Conversations.Abstractions.Messages;

/// <summary>What a business asks to send: free-form content or a template.</summary>
[GenerateSerializer, Immutable]
[Alias("message-content")]
public abstract record MessageContent
{
    public abstract MessageKind Kind { get; }

    /// <summary>A canonical text of the content, so that a retried send can be told from a different one.</summary>
    public abstract string Fingerprint();
}
