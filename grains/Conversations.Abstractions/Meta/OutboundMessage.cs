using Conversations.Abstractions.Messages;

namespace Conversations.Abstractions.Meta;

/// <summary>One decided message on its way to Meta: from a business number to a customer's wa_id.</summary>
public sealed record OutboundMessage(string BusinessNumberId, string To, MessageContent Content, string MessageId);
