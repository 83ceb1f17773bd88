using System.Collections.Concurrent;

namespace Conversations.Meta.Simulator;

/// <summary>
/// The customer messages the simulator delivered, by business number and wamid, with when each was sent: what a read
/// receipt may name. At most <paramref name="capacity"/> are kept, the oldest forgotten first.
/// </summary>
public sealed class InboundMessages(int capacity)
{
    private readonly ConcurrentDictionary<(string PhoneNumberId, string Wamid), DateTimeOffset> _sentAt = new();
    private readonly ConcurrentQueue<(string PhoneNumberId, string Wamid)> _order = new();

    public void Record(string phoneNumberId, string wamid, DateTimeOffset sentAt)
    {
        if (_sentAt.TryAdd((phoneNumberId, wamid), sentAt))
        {
            _order.Enqueue((phoneNumberId, wamid));
        }

        while (_order.Count > Math.Max(1, capacity) && _order.TryDequeue(out var oldest))
        {
            _sentAt.TryRemove(oldest, out _);
        }
    }

    public DateTimeOffset? SentAt(string phoneNumberId, string wamid) =>
        _sentAt.TryGetValue((phoneNumberId, wamid), out var sentAt) ? sentAt : null;
}
