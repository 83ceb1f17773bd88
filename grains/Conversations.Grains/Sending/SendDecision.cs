using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Sending;

/// <summary>What a conversation decided for one send: refused, or what goes out and why.</summary>
public sealed record SendDecision(Refusal? Refusal, MessageContent? ToSend, bool UsedFallback, TemplateCategory? Category)
{
    public bool Allowed => Refusal is null;

    public MessageKind? Kind => ToSend?.Kind;

    public static SendDecision Refused(Refusal refusal) => new(refusal, null, false, null);
}
