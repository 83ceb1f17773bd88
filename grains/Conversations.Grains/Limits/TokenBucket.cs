namespace Conversations.Grains.Limits;

/// <summary>
/// A token bucket on an injected clock. System.Threading.RateLimiting's limiters read the real clock internally,
/// which would make "burst of 45, then refusal, then refill" untestable without waiting minutes.
/// </summary>
public sealed class TokenBucket(int capacity, TimeSpan refillInterval)
{
    private double _tokens = capacity;
    private DateTimeOffset? _updatedAt;

    /// <summary>Takes one token, or says how long until one is available.</summary>
    public (bool Taken, TimeSpan RetryAfter) TryTake(DateTimeOffset now)
    {
        Refill(now);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return (true, TimeSpan.Zero);
        }

        return (false, refillInterval * (1 - _tokens));
    }

    /// <summary>Whether a token is available now, without taking it (for dry runs).</summary>
    public (bool Available, TimeSpan RetryAfter) Peek(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= 1 ? (true, TimeSpan.Zero) : (false, refillInterval * (1 - _tokens));
    }

    private void Refill(DateTimeOffset now)
    {
        if (_updatedAt is { } last && now > last)
        {
            _tokens = Math.Min(capacity, _tokens + ((now - last) / refillInterval));
        }

        _updatedAt = _updatedAt is { } previous && previous > now ? previous : now;
    }
}
