using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;

namespace Conversations.Grains.Conversation;

/// <summary>
/// Status webhooks arrive late, twice and out of order. A message only moves forward (accepted, sent, delivered, read),
/// except to failed, which may come after delivered; a read without a delivered means it was delivered.
/// </summary>
public static class DeliveryProgress
{
    public static MessageLogEntry Apply(MessageLogEntry entry, StatusUpdate update)
    {
        var at = update.Timestamp;
        var pricing = update.Pricing ?? entry.Pricing;
        if (update.Status == MessageStatus.Failed)
        {
            return entry.Status == MessageStatus.Failed
                ? entry
                : entry with { Status = MessageStatus.Failed, FailedAt = at, MetaError = update.Error ?? entry.MetaError, Pricing = pricing };
        }

        if (entry.Status == MessageStatus.Failed || Rank(update.Status) is not { } rank)
        {
            return entry;
        }

        var progressed = entry with
        {
            SentAt = Earliest(entry.SentAt, at),
            DeliveredAt = rank >= 3 ? Earliest(entry.DeliveredAt, at) : entry.DeliveredAt,
            ReadAt = rank >= 4 ? Earliest(entry.ReadAt, at) : entry.ReadAt,
            Pricing = pricing,
        };
        return Rank(entry.Status) is { } current && rank > current ? progressed with { Status = update.Status } : progressed;
    }

    /// <summary>A later webhook for an earlier step (sent after delivered) still tells the true time of that step.</summary>
    private static DateTimeOffset Earliest(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k < at ? k : at;

    private static int? Rank(MessageStatus status) => status switch
    {
        MessageStatus.Accepted => 1,
        MessageStatus.Sent => 2,
        MessageStatus.Delivered => 3,
        MessageStatus.Read => 4,
        _ => null,
    };
}
