using Conversations.Abstractions.Limits;

namespace Conversations.Grains.Limits;

/// <summary>
/// The send instants of one business number's last N messages, N being its messages per second: the next message may
/// go one second after the N-th latest, so no one-second span ever holds more than N. A whole second's worth may go at
/// once, as Meta allows; later ones queue up to the maximum delay and are refused beyond it.
/// </summary>
public sealed class OutboundPace(TimeSpan maxDelay)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();

    public PaceSlot Reserve(DateTimeOffset now, int perSecond)
    {
        var slot = Peek(now, perSecond);
        if (!slot.Accepted)
        {
            return slot;
        }

        _recent.Enqueue(slot.SendAt);
        if (_recent.Count > perSecond)
        {
            _recent.Dequeue();
        }

        return slot;
    }

    /// <summary>The slot <see cref="Reserve"/> would hand out now, reserving nothing.</summary>
    public PaceSlot Peek(DateTimeOffset now, int perSecond)
    {
        while (_recent.Count > perSecond)
        {
            _recent.Dequeue();
        }

        var sendAt = _recent.Count < perSecond ? now : Later(now, _recent.Peek() + Second);
        var wait = sendAt - now;
        return wait > maxDelay
            ? new PaceSlot(false, sendAt, wait - maxDelay, perSecond)
            : new PaceSlot(true, sendAt, TimeSpan.Zero, perSecond);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
