using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Conversations.Grains.Conversation;

/// <summary>
/// How a conversation remembers the inbound message ids it took, so Meta's redeliveries change nothing: for Meta's whole
/// redelivery period (<see cref="ConversationOptions.InboundDedupeWindow"/>, 7 days) and at most
/// <see cref="ConversationOptions.InboundIdsRemembered"/> ids, oldest dropped first. Each id is its XxHash64 (of the id's
/// UTF-16 code units) and the second it was seen, packed into <see cref="ConversationState.InboundSeen"/>:
/// <see cref="BytesPerId"/> bytes each in a state every inbound rewrites. Two different wamids of one conversation
/// colliding among a thousand is a 1-in-10^16 event; the cost would be one message taken for a redelivery.
/// </summary>
public static class InboundIds
{
    /// <summary>A hash (8 bytes) and the Unix second it was seen (4 bytes, good until 2106), little-endian.</summary>
    public const int BytesPerId = 12;

    public static ulong Of(string messageId) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(messageId.AsSpan()));

    /// <summary>Whether <paramref name="id"/> was seen less than <paramref name="window"/> before <paramref name="now"/>.</summary>
    public static bool Seen(ConversationState state, ulong id, DateTimeOffset now, TimeSpan window)
    {
        var since = Second(now - window);
        var seen = state.InboundSeen.AsSpan();
        for (var at = 0; at < seen.Length; at += BytesPerId)
        {
            if (Hash(seen, at) == id && SeenAt(seen, at) > since)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Remembers <paramref name="id"/> as seen now, letting go of the ids older than the window and, past the cap, the
    /// oldest others. Returns how many the cap made it forget while still inside the window: redeliveries of those
    /// would be taken again.
    /// </summary>
    public static int Remember(ConversationState state, ulong id, DateTimeOffset now, TimeSpan window, int capacity)
    {
        var since = Second(now - window);
        var seen = state.InboundSeen.AsSpan();
        var kept = new List<int>(seen.Length / BytesPerId);
        for (var at = 0; at < seen.Length; at += BytesPerId)
        {
            if (SeenAt(seen, at) > since)
            {
                kept.Add(at);
            }
        }

        var forgotten = Math.Max(0, kept.Count + 1 - capacity);
        var remembered = new byte[(kept.Count - forgotten + 1) * BytesPerId];
        var to = 0;
        foreach (var at in kept.Skip(forgotten))
        {
            seen.Slice(at, BytesPerId).CopyTo(remembered.AsSpan(to));
            to += BytesPerId;
        }

        Write(remembered.AsSpan(to), id, Second(now));
        state.InboundSeen = remembered;
        return forgotten;
    }

    /// <summary>
    /// Moves what a state stored before ids had a time (the last ids' hashes, or before them the ids themselves) into
    /// <see cref="ConversationState.InboundSeen"/> as seen at <paramref name="now"/>: they are kept for a whole window from
    /// the upgrade, which covers every redelivery Meta may still make of them.
    /// </summary>
    public static void Upgrade(ConversationState state, DateTimeOffset now, TimeSpan window, int capacity)
    {
        if (state.RecentInboundIds.Count == 0 && state.RecentInbound.Count == 0)
        {
            return;
        }

        foreach (var id in state.RecentInboundIds.Select(Of).Concat(state.RecentInbound).Distinct())
        {
            if (!Seen(state, id, now, window))
            {
                Remember(state, id, now, window, capacity);
            }
        }

        state.RecentInboundIds = [];
        state.RecentInbound = [];
    }

    internal static uint Second(DateTimeOffset at) => (uint)Math.Clamp(at.ToUnixTimeSeconds(), 0, uint.MaxValue);

    internal static ulong Hash(ReadOnlySpan<byte> seen, int at) => BinaryPrimitives.ReadUInt64LittleEndian(seen[at..]);

    internal static uint SeenAt(ReadOnlySpan<byte> seen, int at) => BinaryPrimitives.ReadUInt32LittleEndian(seen[(at + sizeof(ulong))..]);

    internal static void Write(Span<byte> entry, ulong id, uint second)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(entry, id);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[sizeof(ulong)..], second);
    }
}
