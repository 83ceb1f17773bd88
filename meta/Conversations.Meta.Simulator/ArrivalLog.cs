using System.Collections.Concurrent;

namespace Conversations.Meta.Simulator;

/// <summary>
/// When each send request reached the simulator, per phone-number id: what Meta's throughput limit counts, measured where
/// Meta would measure it. Each number keeps its latest arrivals in a ring of at most <c>perNumber</c> (grown as it fills,
/// so a number that sent three messages holds three) and counts every one it ever received.
/// </summary>
public sealed class ArrivalLog(int perNumber)
{
    private readonly ConcurrentDictionary<string, Ring> _numbers = new(StringComparer.Ordinal);

    public void Record(string phoneNumberId, DateTimeOffset at) =>
        _numbers.GetOrAdd(phoneNumberId, static (_, capacity) => new Ring(capacity), Math.Max(1, perNumber)).Add(at);

    /// <summary>The arrivals kept for <paramref name="phoneNumberId"/>, oldest first; empty for a number that sent nothing.</summary>
    public Arrivals Of(string phoneNumberId) =>
        _numbers.TryGetValue(phoneNumberId, out var ring) ? ring.Snapshot(phoneNumberId) : new Arrivals(phoneNumberId, [], 0);

    /// <summary>Every number that sent anything, with what is kept of its arrivals.</summary>
    public IEnumerable<Arrivals> All() => _numbers.Select(n => n.Value.Snapshot(n.Key));

    private sealed class Ring(int capacity)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset[] _items = new DateTimeOffset[Math.Min(capacity, 16)];
        private int _start;
        private int _count;
        private long _total;

        public void Add(DateTimeOffset at)
        {
            lock (_lock)
            {
                _total++;
                if (_count == _items.Length && _items.Length < capacity)
                {
                    var grown = new DateTimeOffset[Math.Min(capacity, _items.Length * 2)];
                    CopyTo(grown);
                    (_items, _start) = (grown, 0);
                }

                if (_count == _items.Length)
                {
                    _items[_start] = at;
                    _start = (_start + 1) % _items.Length;
                }
                else
                {
                    _items[(_start + _count++) % _items.Length] = at;
                }
            }
        }

        public Arrivals Snapshot(string phoneNumberId)
        {
            lock (_lock)
            {
                var kept = new DateTimeOffset[_count];
                CopyTo(kept);
                return new Arrivals(phoneNumberId, kept, _total);
            }
        }

        private void CopyTo(DateTimeOffset[] target)
        {
            for (var i = 0; i < _count; i++)
            {
                target[i] = _items[(_start + i) % _items.Length];
            }
        }
    }
}
