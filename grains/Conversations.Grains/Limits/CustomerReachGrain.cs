using System.Globalization;
using Conversations.Abstractions;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Limits;
using Conversations.Abstractions.Refusals;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Limits;

/// <summary>
/// Whether a portfolio already reached this customer in the moving window, whichever of its numbers did. One grain per
/// customer spreads a broadcast over the cluster like the conversations themselves; only a customer's first
/// business-initiated message of a window takes a slot and writes.
/// </summary>
[GrainType("customer-reach")]
[CollectionAgeLimit(Minutes = 5)]
public sealed class CustomerReachGrain(
    [PersistentState("customer-reach", StorageNames.Conversations)] IPersistentState<CustomerReachState> state,
    IOptions<ConversationOptions> options,
    TimeProvider time)
    : Grain, ICustomerReachGrain
{
    private readonly LimitOptions _options = options.Value.Limits;

    public async Task<Result<CustomerReach>> Count(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (AlreadyCounted(now) is { } counted)
        {
            return Result<CustomerReach>.Ok(counted);
        }

        var lease = await GrainFactory.GetGrain<IMessagingQuotaGrain>(Portfolio).Take(cancellationToken);
        if (lease.Status.Unlimited)
        {
            return Result<CustomerReach>.Ok(new CustomerReach(ReachOutcome.Unlimited, null));
        }

        if (lease.Granted == 0)
        {
            return LimitReached(lease.Status);
        }

        state.State.CountedAt = now;
        await state.WriteStateAsync(cancellationToken);
        return Result<CustomerReach>.Ok(new CustomerReach(ReachOutcome.Counted, now));
    }

    public async Task<Result<CustomerReach>> Peek(CancellationToken cancellationToken = default)
    {
        if (AlreadyCounted(time.GetUtcNow()) is { } counted)
        {
            return Result<CustomerReach>.Ok(counted);
        }

        var status = await GrainFactory.GetGrain<IMessagingLimitGrain>(Portfolio).Status(cancellationToken);
        return status switch
        {
            { Tier: null } => Result<CustomerReach>.Ok(new CustomerReach(ReachOutcome.Unlimited, null)),
            { Tier: { } tier, Used: var used } when used >= tier => LimitReached(status),
            _ => Result<CustomerReach>.Ok(new CustomerReach(ReachOutcome.Counted, null)),
        };
    }

    public async Task<bool> Forget(CancellationToken cancellationToken = default)
    {
        var existed = state.RecordExists;
        await state.ClearStateAsync(cancellationToken);
        DeactivateOnIdle();
        return existed;
    }

    private CustomerReach? AlreadyCounted(DateTimeOffset now) =>
        state.State.CountedAt is { } counted && counted + _options.MessagingLimitWindow > now
            ? new CustomerReach(ReachOutcome.AlreadyCounted, counted)
            : null;

    private string Portfolio => CustomerReachKey.Parse(this.GetPrimaryKeyString()).PortfolioId;

    private static Refusal LimitReached(MessagingLimitStatus status)
    {
        var tier = MessagingLimitTier.Name(status.Tier);
        var metadata = new List<(string, string)>
        {
            ("portfolio_id", status.PortfolioId),
            ("tier", tier),
            ("used", status.Used.ToString(CultureInfo.InvariantCulture)),
        };
        if (status.ResetsAt is { } resetsAt)
        {
            metadata.Add(("resets_at", Rfc3339.Format(resetsAt)));
        }

        return Refusal.Of(
            RefusalReason.MessagingLimitReached,
            $"Portfolio {status.PortfolioId} reached its messaging limit: {tier} unique customers with business-initiated messages "
            + "in a moving 24 h. Templates outside a customer service window reach new customers again after resets_at.",
            [.. metadata]);
    }
}
