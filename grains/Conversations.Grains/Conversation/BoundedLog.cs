namespace Conversations.Grains.Conversation;

public static class BoundedLog
{
    /// <summary>Appends and drops the oldest entries beyond <paramref name="capacity"/>, keeping persisted state bounded.</summary>
    public static void AppendBounded<T>(this List<T> log, T item, int capacity)
    {
        log.Add(item);
        if (log.Count > capacity)
        {
            log.RemoveRange(0, log.Count - capacity);
        }
    }
}
