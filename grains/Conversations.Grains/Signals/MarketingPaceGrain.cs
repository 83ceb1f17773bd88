using Conversations.Abstractions.Grains;
using Conversations.Grains.Limits;

namespace Conversations.Grains.Signals;

[GrainType("marketing-pace")]
public sealed class MarketingPaceGrain(TimeProvider time) : Grain, IMarketingPaceGrain
{
    private TokenBucket? _bucket;
    private int _perSecond;

    public Task<TimeSpan?> Take(int perSecond, CancellationToken cancellationToken = default)
    {
        var (taken, retryAfter) = Bucket(perSecond).TryTake(time.GetUtcNow());
        return Task.FromResult(taken ? (TimeSpan?)null : retryAfter);
    }

    public Task<TimeSpan?> Peek(int perSecond, CancellationToken cancellationToken = default)
    {
        var (available, retryAfter) = Bucket(perSecond).Peek(time.GetUtcNow());
        return Task.FromResult(available ? (TimeSpan?)null : retryAfter);
    }

    /// <summary>A changed setting starts a fresh bucket at the new rate.</summary>
    private TokenBucket Bucket(int perSecond)
    {
        if (_bucket is null || perSecond != _perSecond)
        {
            _bucket = new TokenBucket(perSecond, TimeSpan.FromSeconds(1) / perSecond);
            _perSecond = perSecond;
        }

        return _bucket;
    }
}
