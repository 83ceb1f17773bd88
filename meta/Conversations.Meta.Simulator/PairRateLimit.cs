using System.Collections.Concurrent;

namespace Conversations.Meta.Simulator;

/// <summary>
/// Meta's pair rate (131056): messages from one business number to one customer, a burst of
/// <see cref="MetaSimulatorOptions.PairRateBurst"/>, then one more each <see cref="MetaSimulatorOptions.PairRateInterval"/>.
/// </summary>
public sealed class PairRateLimit(int burst, TimeSpan interval, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string PhoneNumberId, string Customer), Bucket> _pairs = new();

    /// <summary>Takes one message of the pair's allowance, or answers false (and takes nothing) when it has none left.</summary>
    public bool TryTake(string phoneNumberId, string customer)
    {
        var bucket = _pairs.GetOrAdd((phoneNumberId, customer), static (_, full) => new Bucket(full.Burst, full.At), (Burst: (double)burst, At: clock.GetUtcNow()));
        lock (bucket)
        {
            var now = clock.GetUtcNow();
            if (now > bucket.At)
            {
                bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.At) / interval));
                bucket.At = now;
            }

            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset At { get; set; } = at;
    }
}
