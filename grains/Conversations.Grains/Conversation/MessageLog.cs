using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Conversation;

/// <summary>The bounded log of a conversation's sends. Oldest decided entries go first; scheduled ones are never dropped.</summary>
public static class MessageLog
{
    public static void Append(List<ConversationMessage> log, ConversationMessage message, int capacity)
    {
        log.Add(message);
        Trim(log, capacity);
    }

    /// <summary>
    /// The log as its stored records and the state's scheduled sends say it is: each message at its latest record, in the
    /// order messages were created, a message whose idempotency key a later one took over (a retry after Meta's
    /// retryable refusal) left out, and a scheduled send the log already records as decided taken from the log.
    /// </summary>
    public static List<ConversationMessage> Fold(IEnumerable<ConversationMessage> records, IEnumerable<ConversationMessage> scheduled, int capacity)
    {
        var latest = new Dictionary<string, ConversationMessage>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in records)
        {
            if (!latest.ContainsKey(record.Entry.MessageId))
            {
                order.Add(record.Entry.MessageId);
            }

            latest[record.Entry.MessageId] = record;
        }

        foreach (var pending in scheduled)
        {
            if (latest.TryAdd(pending.Entry.MessageId, pending))
            {
                order.Add(pending.Entry.MessageId);
            }
        }

        var log = order.Select(id => latest[id]).OrderBy(m => m.Entry.CreatedAt).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = log.Count - 1; i >= 0; i--)
        {
            if (!keys.Add(log[i].Entry.IdempotencyKey))
            {
                log.RemoveAt(i);
            }
        }

        Trim(log, capacity);
        return log;
    }

    private static void Trim(List<ConversationMessage> log, int capacity)
    {
        var excess = log.Count - capacity;
        for (var i = 0; i < log.Count && excess > 0;)
        {
            if (log[i].Entry.Status == MessageStatus.Scheduled)
            {
                i++;
                continue;
            }

            log.RemoveAt(i);
            excess--;
        }
    }

    public static int FindByKey(List<ConversationMessage> log, string idempotencyKey) =>
        log.FindLastIndex(m => m.Entry.IdempotencyKey == idempotencyKey);

    public static IEnumerable<int> DueAt(List<ConversationMessage> log, DateTimeOffset now) =>
        Enumerable.Range(0, log.Count)
            .Where(i => log[i].Entry.Status == MessageStatus.Scheduled && log[i].Entry.ScheduledFor <= now)
            .OrderBy(i => log[i].Entry.ScheduledFor)
            .ToList();

    public static DateTimeOffset? NextScheduled(List<ConversationMessage> log) =>
        log.Where(m => m.Entry.Status == MessageStatus.Scheduled).Min(m => m.Entry.ScheduledFor);

    public static int ScheduledCount(List<ConversationMessage> log) =>
        log.Count(m => m.Entry.Status == MessageStatus.Scheduled);
}
