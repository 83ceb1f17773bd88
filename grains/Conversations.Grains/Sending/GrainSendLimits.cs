using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Abstractions.Templates;
using Conversations.Grains.Limits;
using Conversations.Grains.Signals;
using Conversations.Grains.Telemetry;

namespace Conversations.Grains.Sending;

/// <summary>
/// The limits a conversation shares with others, as the grains that hold them: its WABA's templates and quota of new
/// conversations, its number's pacer, its portfolio's reach of the customer.
/// </summary>
/// <param name="wire">The clock pace slots are waited on; real time unless a test says otherwise (see <see cref="WireClock"/>).</param>
/// <param name="metrics">Counts the sends waiting for a pace slot; none in tests that build limits by hand.</param>
public sealed class GrainSendLimits(
    GrainReferences grains,
    BusinessNumberProfile profile,
    string customer,
    QualityGuardOptions guard,
    WireClock? wire = null,
    GrainMetrics? metrics = null)
    : ITemplateSource, IPacer, IMessagingLimit, IConversationQuota, IAccountGuard
{
    private readonly TimeProvider _wire = (wire ?? WireClock.System).Time;

    private IThroughputPacerGrain Pacer => grains.Get<IThroughputPacerGrain>(profile.BusinessNumberId);

    private IConversationQuotaGrain Quota => grains.Get<IConversationQuotaGrain>(profile.WabaId);

    private ICustomerReachGrain Reach => grains.Get<ICustomerReachGrain>(new CustomerReachKey(profile.PortfolioId, customer).ToString());

    public Task<TemplateLookup> Find(TemplateMessage template, CancellationToken cancellationToken) =>
        grains.Get<ITemplateRegistryGrain>(profile.WabaId).Find(template.Name, template.Language, cancellationToken);

    /// <summary>The pacer's slot, re-anchored on this silo's clock as it arrives (<see cref="PaceSlot.Wait"/>).</summary>
    public async Task<PaceSlot> Reserve(CancellationToken cancellationToken) => Anchored(await Pacer.Reserve(cancellationToken));

    public async Task<PaceSlot> ReplaceMissed(CancellationToken cancellationToken) => Anchored(await Pacer.ReplaceMissed(cancellationToken));

    Task<PaceSlot> IPacer.Peek(CancellationToken cancellationToken) => Pacer.Peek(cancellationToken);

    public async Task<bool> WaitFor(PaceSlot slot, TimeSpan tolerance, CancellationToken cancellationToken)
    {
        // Timers count whole, coarse milliseconds and may fire a little early; a slot is a promise to Meta, so the rest is waited out too.
        var left = slot.SendAt - _wire.GetUtcNow();
        var queued = left > TimeSpan.Zero && metrics is { TracksPacing: true };
        if (queued)
        {
            metrics!.PacingWaitStarted();
        }

        try
        {
            for (; left > TimeSpan.Zero; left = slot.SendAt - _wire.GetUtcNow())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), _wire, cancellationToken);
            }
        }
        finally
        {
            if (queued)
            {
                metrics!.PacingWaitEnded();
            }
        }

        return -left <= tolerance;
    }

    private PaceSlot Anchored(PaceSlot slot) => slot with { SendAt = _wire.GetUtcNow() + slot.Wait };

    public Task<Result<CustomerReach>> Count(CancellationToken cancellationToken) => Reach.Count(cancellationToken);

    Task<Result<CustomerReach>> IMessagingLimit.Peek(CancellationToken cancellationToken) => Reach.Peek(cancellationToken);

    public Task<Refusal?> Take(CancellationToken cancellationToken) => Quota.Take(cancellationToken);

    Task<Refusal?> IConversationQuota.Peek(CancellationToken cancellationToken) => Quota.Peek(cancellationToken);

    public (Refusal? Refusal, bool Slowed) Check(SendDecision decision, bool businessInitiated, DateTimeOffset now)
    {
        var (refusal, action) = AccountGuard.Check(profile, decision, businessInitiated, now, guard);
        return (refusal, action == QualityGuardAction.Slow);
    }

    public async Task<Refusal?> PaceMarketing(bool dryRun, CancellationToken cancellationToken)
    {
        var pace = grains.Get<IMarketingPaceGrain>(profile.BusinessNumberId);
        return await (dryRun ? pace.Peek(guard.SlowPerSecond, cancellationToken) : pace.Take(guard.SlowPerSecond, cancellationToken)) is { } retryAfter
            ? AccountGuard.Slowed(profile, guard.SlowPerSecond, retryAfter)
            : null;
    }
}
