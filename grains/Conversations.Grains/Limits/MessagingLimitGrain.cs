using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Limits;

/// <summary>
/// The authority on one portfolio's messaging limit. It never sees a customer: silos' quota grains ask for as many slots
/// as they have callers waiting, so it is called once per round trip per silo however fast a broadcast goes, and the
/// count stays exact because every slot it grants is one a customer is waiting for.
/// </summary>
[GrainType("messaging-limit")]
public sealed class MessagingLimitGrain(
    [PersistentState("messaging-limit", StorageNames.Conversations)] IPersistentState<MessagingLimitState> state,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    Telemetry.GrainMetrics metrics)
    : Grain, IMessagingLimitGrain
{
    private readonly LimitOptions _options = options.Value.Limits;

    private TimeSpan Window => _options.MessagingLimitWindow;

    public async Task<QuotaLease> Lease(int wanted, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var minute = MinuteCounts.MinuteOf(now);
        var pruned = MinuteCounts.Prune(state.State.SlotsByMinute, now, Window);
        var tier = Tier();
        var used = MinuteCounts.Used(state.State.SlotsByMinute);
        var granted = tier is { } limit ? Math.Clamp(limit - used, 0, Math.Max(wanted, 0)) : 0;
        if (granted > 0)
        {
            state.State.SlotsByMinute[minute] = state.State.SlotsByMinute.GetValueOrDefault(minute) + granted;
        }

        if (granted > 0 || pruned)
        {
            await state.WriteStateAsync(cancellationToken);
        }

        return new QuotaLease(granted, minute, StatusAt(now));
    }

    public async Task<Result<MessagingLimitStatus>> SetTier(string tier, CancellationToken cancellationToken = default)
    {
        if (!MessagingLimitTier.TryParse(tier, out var parsed))
        {
            return FieldRules.Invalid(
                "messaging_limit",
                "tier",
                $"messaging_limit '{FieldRules.Echo(tier)}' is not a tier: use 250, 2000, 10000, 100000 or unlimited.");
        }

        state.State.Tier = MessagingLimitTier.Name(parsed);
        await state.WriteStateAsync(cancellationToken);
        return Result<MessagingLimitStatus>.Ok(StatusAt(time.GetUtcNow()));
    }

    public Task<MessagingLimitStatus> Status(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        MinuteCounts.Prune(state.State.SlotsByMinute, now, Window);
        return Task.FromResult(StatusAt(now));
    }

    private int? Tier()
    {
        // The default is validated at start-up, and SetTier stores only valid tiers.
        MessagingLimitTier.TryParse(state.State.Tier ?? _options.DefaultMessagingLimit, out var tier);
        return tier;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.MessagingLimitGone(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <summary>The portfolio's standing; also what the messaging-limit gauges of this silo show for it.</summary>
    private MessagingLimitStatus StatusAt(DateTimeOffset now)
    {
        var status = new MessagingLimitStatus(
            this.GetPrimaryKeyString(),
            Tier(),
            MinuteCounts.Used(state.State.SlotsByMinute),
            MinuteCounts.ResetsAt(state.State.SlotsByMinute, Window));
        metrics.MessagingLimit(status.PortfolioId, status.Used, status.Tier);
        return status;
    }
}
