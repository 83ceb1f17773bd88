using System.Collections.Immutable;

namespace Conversations.Grains.Conversation;

/// <summary>What erasing a conversation must find beyond its own state and log: its messages' ids (the usage ledger keys its markers by them) and how many of them were scheduled.</summary>
public sealed record ErasureScope(ImmutableArray<string> MessageIds, int ScheduledSends);
