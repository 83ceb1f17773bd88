using Conversations.Abstractions.Limits;

namespace Conversations.Grains.Limits;

/// <summary>
/// The send instants of one business number, strictly spaced: each comes (1 s + margin) / N after the previous one, N
/// being the number's messages per second, and none before now. Any N + 1 consecutive slots therefore span at least
/// 1 s + margin, so no one-second span at Meta holds more than N as long as no message reaches Meta more than the
/// margin later, relative to its slot, than another one does. A burst cannot promise that: a second's worth granted at
/// once reaches Meta spread out by the work and connections it queues on, while the next second's arrives together.
/// A slot further ahead than the maximum delay is refused, with how much later it would fit; one for a message that
/// missed its slot is not, since that message was already admitted.
/// The first N slots after a quiet second are spaced by the wider start margin instead: a burst is admitted all at once
/// (activations, lookups, counting), on the CPUs that dispatch its first messages, which therefore reach Meta later than
/// the ones after them.
/// </summary>
public sealed class OutboundPace(TimeSpan maxDelay, TimeSpan margin, TimeSpan startMargin)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private DateTimeOffset? _last;
    private int _lastPerSecond;
    private int _sinceQuiet;

    public PaceSlot Reserve(DateTimeOffset now, int perSecond) => Take(now, Peek(now, perSecond));

    /// <summary>A slot for a message that came to its own too late to keep the pace: the next one, however far ahead.</summary>
    public PaceSlot ReplaceMissed(DateTimeOffset now, int perSecond) => Take(now, Next(now, perSecond, bounded: false));

    /// <summary>The slot <see cref="Reserve"/> would hand out now, reserving nothing.</summary>
    public PaceSlot Peek(DateTimeOffset now, int perSecond) => Next(now, perSecond, bounded: true);

    /// <summary>The spacing at <paramref name="perSecond"/>, rounded up so that N intervals never make less than 1 s + margin.</summary>
    public TimeSpan Interval(int perSecond) => Spacing(perSecond, margin);

    /// <summary>The spacing of the first N slots after a quiet second.</summary>
    public TimeSpan StartInterval(int perSecond) => Spacing(perSecond, startMargin);

    private static TimeSpan Spacing(int perSecond, TimeSpan over) => TimeSpan.FromTicks(((Second + over).Ticks + perSecond - 1) / perSecond);

    private PaceSlot Take(DateTimeOffset now, PaceSlot slot)
    {
        if (slot.Accepted)
        {
            _sinceQuiet = Quiet(now) ? 1 : _sinceQuiet + 1;
            _last = slot.SendAt;
            _lastPerSecond = slot.PerSecond;
        }

        return slot;
    }

    /// <summary>No slot in the last second: the next one starts a burst.</summary>
    private bool Quiet(DateTimeOffset now) => _last is not { } last || last + Second < now;

    private PaceSlot Next(DateTimeOffset now, int perSecond, bool bounded)
    {
        var earliest = Quiet(now) ? now : Earliest(perSecond);
        var sendAt = earliest > now ? earliest : now;
        var wait = sendAt - now;
        return bounded && wait > maxDelay
            ? new PaceSlot(false, sendAt, wait - maxDelay, perSecond, wait)
            : new PaceSlot(true, sendAt, TimeSpan.Zero, perSecond, wait);
    }

    private DateTimeOffset Earliest(int perSecond) => _last switch
    {
        null => DateTimeOffset.MinValue,
        // After the rate went down, nothing sent at the old rate may share a second with what goes at the new one.
        { } last when perSecond < _lastPerSecond => last + Second + margin,
        { } last => last + (_sinceQuiet < perSecond ? StartInterval(perSecond) : Interval(perSecond)),
    };
}
