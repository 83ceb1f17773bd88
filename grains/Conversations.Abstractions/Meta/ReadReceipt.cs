namespace Conversations.Abstractions.Meta;

/// <summary>A read receipt for a customer's message (its wamid), with Meta's typing indicator when the business will reply.</summary>
public sealed record ReadReceipt(string BusinessNumberId, string Wamid, bool TypingIndicator);
