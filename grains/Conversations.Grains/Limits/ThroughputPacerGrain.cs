using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Limits;

/// <summary>
/// One activation per business number, in memory only: it is called once per message and does no I/O, so at Meta's
/// 1,000 messages per second it is far from busy. A restart forgets the last second of sends; Meta's own limit, which
/// we stay under, is no stricter than one second.
/// </summary>
[GrainType("throughput-pacer")]
public sealed class ThroughputPacerGrain(IOptions<ConversationOptions> options, TimeProvider time) : Grain, IThroughputPacerGrain
{
    private readonly LimitOptions _options = options.Value.Limits;
    private OutboundPace? _pace;
    private int _perSecond;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var profile = await GrainFactory.GetGrain<IBusinessNumberGrain>(this.GetPrimaryKeyString()).GetProfile(cancellationToken);
        _perSecond = profile?.ThroughputPerSecond ?? _options.DefaultThroughputPerSecond;
    }

    private OutboundPace Pace => _pace ??= new OutboundPace(_options.MaxPacingDelay);

    public Task<PaceSlot> Reserve(CancellationToken cancellationToken = default) =>
        Task.FromResult(Pace.Reserve(time.GetUtcNow(), _perSecond));

    public Task<PaceSlot> Peek(CancellationToken cancellationToken = default) =>
        Task.FromResult(Pace.Peek(time.GetUtcNow(), _perSecond));

    public Task SetRate(int perSecond, CancellationToken cancellationToken = default)
    {
        _perSecond = perSecond;
        return Task.CompletedTask;
    }
}
