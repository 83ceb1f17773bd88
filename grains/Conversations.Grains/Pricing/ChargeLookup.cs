namespace Conversations.Grains.Pricing;

/// <summary>What a dry run needs from a ledger store: the field a message was already counted in, if any, and the ordinal so far.</summary>
public sealed record ChargeLookup(string? ChargedField, long Ordinal);
