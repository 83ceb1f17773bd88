using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Conversations.Grains.Conversation;

/// <summary>
/// How a conversation remembers inbound message ids: XxHash64 of the id's UTF-16 code units. Two different wamids of one
/// conversation's last few dozen colliding is a 1-in-10^17 event; the cost would be one redelivery taken for a duplicate.
/// </summary>
public static class InboundIds
{
    public static ulong Of(string messageId) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(messageId.AsSpan()));

    /// <summary>Hashes the ids a state stored before it kept hashes, into the hashes, and lets the ids go.</summary>
    public static void Upgrade(ConversationState state)
    {
        if (state.RecentInboundIds.Count == 0)
        {
            return;
        }

        state.RecentInbound.InsertRange(0, state.RecentInboundIds.Select(Of).Where(h => !state.RecentInbound.Contains(h)));
        state.RecentInboundIds = [];
    }
}
