using Conversations.Abstractions.Limits;

namespace Conversations.Grains.Sending;

/// <summary>The business number's throughput, shared by all its conversations.</summary>
public interface IPacer
{
    /// <summary>Takes the next slot to send in, or is refused when the number's queue is full.</summary>
    Task<PaceSlot> Reserve(CancellationToken cancellationToken);

    /// <summary>What <see cref="Reserve"/> would answer now, taking nothing.</summary>
    Task<PaceSlot> Peek(CancellationToken cancellationToken);

    /// <summary>
    /// Returns once the reserved slot has come, never before it, and whether it got there in time: no later than
    /// <paramref name="tolerance"/> after the slot.
    /// </summary>
    Task<bool> WaitFor(PaceSlot slot, TimeSpan tolerance, CancellationToken cancellationToken);

    /// <summary>A fresh slot for a message that missed its own; never refused.</summary>
    Task<PaceSlot> ReplaceMissed(CancellationToken cancellationToken);
}
