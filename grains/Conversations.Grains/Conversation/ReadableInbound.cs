namespace Conversations.Grains.Conversation;

/// <summary>
/// Which of the customer's messages a conversation may mark read, and when each was sent: Meta lets a business mark an
/// incoming message read within <see cref="MetaLimit"/> of receipt ("Mark messages as read", developers.facebook.com,
/// business-messaging/whatsapp/messages/mark-message-as-read). Each id is kept for twice that, so that a message just past
/// the limit is refused as too old rather than as unknown, and at most <see cref="ConversationOptions.InboundIdsRemembered"/>
/// of them, oldest dropped first. Packed in <see cref="ConversationState.InboundReadable"/> as <see cref="InboundIds"/> packs
/// its ids: a hash and a Unix second, <see cref="InboundIds.BytesPerId"/> bytes each.
/// </summary>
public static class ReadableInbound
{
    public static readonly TimeSpan MetaLimit = TimeSpan.FromDays(30);

    public static readonly TimeSpan Kept = MetaLimit * 2;

    /// <summary>Remembers the customer's message <paramref name="messageId"/> as sent at <paramref name="sentAt"/>.</summary>
    public static void Remember(ConversationState state, string messageId, DateTimeOffset sentAt, DateTimeOffset now, int capacity)
    {
        var since = InboundIds.Second(now - Kept);
        var readable = state.InboundReadable.AsSpan();
        var kept = new List<int>(readable.Length / InboundIds.BytesPerId);
        for (var at = 0; at < readable.Length; at += InboundIds.BytesPerId)
        {
            if (InboundIds.SeenAt(readable, at) > since)
            {
                kept.Add(at);
            }
        }

        var dropped = Math.Max(0, kept.Count + 1 - capacity);
        var remembered = new byte[(kept.Count - dropped + 1) * InboundIds.BytesPerId];
        var to = 0;
        foreach (var at in kept.Skip(dropped))
        {
            readable.Slice(at, InboundIds.BytesPerId).CopyTo(remembered.AsSpan(to));
            to += InboundIds.BytesPerId;
        }

        InboundIds.Write(remembered.AsSpan(to), InboundIds.Of(messageId), InboundIds.Second(sentAt));
        state.InboundReadable = remembered;
    }

    /// <summary>When the customer sent <paramref name="messageId"/>, or null when this conversation does not hold it (any more).</summary>
    public static DateTimeOffset? SentAt(ConversationState state, string messageId)
    {
        var id = InboundIds.Of(messageId);
        var readable = state.InboundReadable.AsSpan();
        for (var at = readable.Length - InboundIds.BytesPerId; at >= 0; at -= InboundIds.BytesPerId)
        {
            if (InboundIds.Hash(readable, at) == id)
            {
                return DateTimeOffset.FromUnixTimeSeconds(InboundIds.SeenAt(readable, at));
            }
        }

        return null;
    }
}
