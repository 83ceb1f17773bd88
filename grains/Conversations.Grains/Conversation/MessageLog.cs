using Conversations.Abstractions.Messages;

namespace Conversations.Grains.Conversation;

/// <summary>The bounded log of a conversation's sends. Oldest decided entries go first; scheduled ones are never dropped.</summary>
public static class MessageLog
{
    public static void Append(List<ConversationMessage> log, ConversationMessage message, int capacity)
    {
        log.Add(message);
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

    public static void AppendBounded<T>(List<T> items, T item, int capacity)
    {
        items.Add(item);
        if (items.Count > capacity)
        {
            items.RemoveRange(0, items.Count - capacity);
        }
    }
}
