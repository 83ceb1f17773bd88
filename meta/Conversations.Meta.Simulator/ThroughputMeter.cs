using System.Collections.Concurrent;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Meta's throughput limit (130429) per business number: a request is let through only if, with it, no one-second span
/// ending at its arrival, both ends included, holds more than the number's messages per second. That is the span
/// <see cref="Arrivals.BusiestSecond"/> measures, so a number the simulator refused nothing is one whose busiest second
/// was within its throughput.
/// </summary>
public sealed class ThroughputMeter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<long>> _taken = new(StringComparer.Ordinal);

    /// <summary>Takes a place in the current second, or answers false (and takes none) when the number is at its throughput.</summary>
    public bool TryTake(string phoneNumberId, int perSecond)
    {
        var taken = _taken.GetOrAdd(phoneNumberId, static _ => new Queue<long>());
        lock (taken)
        {
            // Read inside the lock, so each number's places are taken in time order.
            var now = clock.GetTimestamp();
            while (taken.Count > 0 && clock.GetElapsedTime(taken.Peek(), now) > TimeSpan.FromSeconds(1))
            {
                taken.Dequeue();
            }

            if (taken.Count >= perSecond)
            {
                return false;
            }

            taken.Enqueue(now);
            return true;
        }
    }
}
