using System.Collections.Immutable;
using Conversations.Abstractions.Events;

namespace Conversations.Grains.Events;

/// <summary>
/// The most recent events of one business number at consecutive positions, bounded by count and by age, so a
/// subscriber that reconnects with its last position can be given what it missed. Memory grows with what is
/// retained, not with the bound. An erased event leaves an empty slot that keeps its position (and counts as retained),
/// so no position moves and the gap is not mistaken for lost retention.
/// </summary>
public sealed class RetainedEventLog(long nextPosition, int capacity, TimeSpan retention)
{
    private readonly List<(PositionedEvent? Event, DateTimeOffset RetainedAt)> _entries = [];
    private int _start;

    public long NextPosition { get; private set; } = nextPosition;

    /// <summary>The position of the newest event, or the one before <see cref="NextPosition"/> when none was appended yet.</summary>
    public long LatestPosition => NextPosition - 1;

    public int Count => _entries.Count - _start;

    /// <summary>The oldest position still retained; <see cref="NextPosition"/> when nothing is.</summary>
    public long OldestRetainedPosition => NextPosition - Count;

    public PositionedEvent Append(PublishedEvent conversationEvent, DateTimeOffset now)
    {
        DropExpired(now);
        if (Count == capacity)
        {
            Drop(1);
        }

        var positioned = new PositionedEvent(NextPosition++, conversationEvent);
        _entries.Add((positioned, now));
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
                _entries[i] = (null, _entries[i].RetainedAt);
                erased += i >= _start ? 1 : 0;
            }
        }

        return erased;
    }

    private void DropExpired(DateTimeOffset now)
    {
        var expired = 0;
        while (expired < Count && _entries[_start + expired].RetainedAt < now - retention)
        {
            expired++;
        }

        Drop(expired);
    }

    private void Drop(int count)
    {
        _start += count;
        // Compacting only once half the list is dead keeps appends amortized O(1).
        if (_start > 64 && _start > _entries.Count / 2)
        {
            _entries.RemoveRange(0, _start);
            _start = 0;
        }
    }
}
