using System.Collections.Concurrent;

namespace Conversations.Meta.Simulator;

/// <summary>The simulator's own record of when each customer last wrote to each business number: its 24 h rule.</summary>
public sealed class CustomerWindows(TimeSpan duration)
{
    private readonly ConcurrentDictionary<(string PhoneNumberId, string WaId), DateTimeOffset> _lastInbound = new();

    /// <summary>A late or replayed inbound never shrinks the window: the latest customer message counts.</summary>
    public void Record(string phoneNumberId, string waId, DateTimeOffset sentAt) =>
        _lastInbound.AddOrUpdate((phoneNumberId, WaId.Of(waId)), sentAt, (_, last) => sentAt > last ? sentAt : last);

    public bool IsOpen(string phoneNumberId, string waId, DateTimeOffset now) =>
        _lastInbound.TryGetValue((phoneNumberId, WaId.Of(waId)), out var last) && now < last + duration;
}
