using System.Collections.Immutable;
using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// The most recent events of one business number at consecutive positions, bounded by count, by bytes and by age, so a
/// subscriber that reconnects with its last position can be given what it missed. The oldest go first; the newest
/// always stays, even alone over the byte budget, so the latest position stays readable. Memory grows with what is
/// retained, not with the bounds. An erased event leaves an empty slot that keeps its position (and counts as retained,
/// with the bytes of an entry's overhead), so no position moves and the gap is not mistaken for lost retention.
/// </summary>
public sealed class RetainedEventLog(long nextPosition, int capacity, long maxBytes, TimeSpan retention)
{
    private readonly List<Entry> _entries = [];
    private int _start;

    public long NextPosition { get; private set; } = nextPosition;

    /// <summary>The position of the newest event, or the one before <see cref="NextPosition"/> when none was appended yet.</summary>
    public long LatestPosition => NextPosition - 1;

    public int Count => _entries.Count - _start;

    /// <summary>What the retained events count against the byte budget (<see cref="FeedEntrySize"/>).</summary>
    public long Bytes { get; private set; }

    /// <summary>The oldest position still retained; <see cref="NextPosition"/> when nothing is.</summary>
    public long OldestRetainedPosition => NextPosition - Count;

    /// <param name="bytes">What the event counts against the byte budget: <see cref="FeedEntrySize.Of"/>.</param>
    public PositionedEvent Append(PublishedEvent conversationEvent, long bytes, DateTimeOffset now)
    {
        DropExpired(now);
        var positioned = new PositionedEvent(NextPosition++, conversationEvent);
        _entries.Add(new Entry(positioned, bytes, now));
        Bytes += bytes;
        DropOldestWhile(keep: 1, _ => Count > capacity || Bytes > maxBytes);
        return positioned;
    }

    /// <summary>
    /// The retained events after <paramref name="afterPosition"/> (of <paramref name="customer"/> only, unless null),
    /// oldest first. The range reaches the latest position unless <paramref name="maxCount"/> cut it short.
    /// </summary>
    public EventRange Read(long afterPosition, string? customer, int maxCount, DateTimeOffset now)
    {
        DropExpired(now);
        var oldest = OldestRetainedPosition;
        var through = Math.Max(afterPosition, LatestPosition);
        var events = ImmutableArray.CreateBuilder<PositionedEvent>();
        for (var position = Math.Max(afterPosition + 1, oldest); position <= LatestPosition; position++)
        {
            var entry = _entries[_start + (int)(position - oldest)].Event;
            if (entry is null || (customer is not null && entry.Event.Customer != customer))
            {
                continue;
            }

            events.Add(entry);
            if (events.Count == maxCount)
            {
                through = position;
                break;
            }
        }

        return new EventRange(afterPosition, through, events.ToImmutable()) { Truncated = afterPosition < oldest - 1 };
    }

    /// <summary>
    /// Empties the slots of <paramref name="customer"/>'s events, the dropped ones not yet compacted away included, so
    /// none stays in memory; returns how many retained events it erased.
    /// </summary>
    public int Erase(string customer)
    {
        var erased = 0;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Event?.Event.Customer == customer)
            {
                // What is left of it (its position and time) counts as the overhead of an entry, as in Redis.
                var left = Math.Min(_entries[i].Bytes, FeedEntrySize.Overhead);
                if (i >= _start)
                {
                    Bytes -= _entries[i].Bytes - left;
                    erased++;
                }

                _entries[i] = new Entry(null, left, _entries[i].RetainedAt);
            }
        }

        return erased;
    }

    private void DropExpired(DateTimeOffset now) => DropOldestWhile(keep: 0, entry => entry.RetainedAt < now - retention);

    private void DropOldestWhile(int keep, Func<Entry, bool> mustGo)
    {
        while (Count > keep && mustGo(_entries[_start]))
        {
            Bytes -= _entries[_start].Bytes;
            _start++;
        }

        // Compacting only once half the list is dead keeps appends amortized O(1).
        if (_start > 64 && _start > _entries.Count / 2)
        {
            _entries.RemoveRange(0, _start);
            _start = 0;
        }
    }

    private readonly record struct Entry(PositionedEvent? Event, long Bytes, DateTimeOffset RetainedAt);
}
