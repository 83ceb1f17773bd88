using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Limits;

/// <summary>
/// One activation per business number, in memory only: it is called once per message, does no I/O and answers
/// synchronously, so one activation hands out far more than Meta's 1,000 slots per second. A restart forgets the last
/// slot: sends still waiting for slots of the previous activation (at most <see cref="LimitOptions.MaxPacingDelay"/>)
/// may then overlap the new activation's first ones.
/// </summary>
[GrainType("throughput-pacer")]
public sealed class ThroughputPacerGrain(IOptions<ConversationOptions> options, WireClock wire) : Grain, IThroughputPacerGrain
{
    private readonly LimitOptions _options = options.Value.Limits;
    private OutboundPace? _pace;
    private int _perSecond;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var profile = await GrainFactory.GetGrain<IBusinessNumberGrain>(this.GetPrimaryKeyString()).GetProfile(cancellationToken);
        _perSecond = profile?.ThroughputPerSecond ?? _options.DefaultThroughputPerSecond;
    }

    private OutboundPace Pace => _pace ??= new OutboundPace(_options.MaxPacingDelay, _options.PacingMargin, _options.PacingStartMargin);

    public Task<PaceSlot> Reserve(CancellationToken cancellationToken = default) =>
        Task.FromResult(Pace.Reserve(wire.Time.GetUtcNow(), _perSecond));

    public Task<PaceSlot> ReplaceMissed(CancellationToken cancellationToken = default) =>
        Task.FromResult(Pace.ReplaceMissed(wire.Time.GetUtcNow(), _perSecond));

    public Task<PaceSlot> Peek(CancellationToken cancellationToken = default) =>
        Task.FromResult(Pace.Peek(wire.Time.GetUtcNow(), _perSecond));

    public Task SetRate(int perSecond, CancellationToken cancellationToken = default)
    {
        _perSecond = perSecond;
        return Task.CompletedTask;
    }
}
