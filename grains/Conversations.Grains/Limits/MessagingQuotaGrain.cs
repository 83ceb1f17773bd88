using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Limits;
using Orleans.Concurrency;

namespace Conversations.Grains.Limits;

/// <summary>
/// Batches one silo's requests for a portfolio's messaging limit. Reentrant so that callers keep arriving while a
/// lease is in flight; each lease asks for exactly the callers waiting, so no slot is ever held idle by a silo (which
/// would refuse customers on another silo while slots sat unused here) and no timer is needed to give slots back.
/// An unlimited tier is remembered for the rest of the minute, so unlimited broadcasts do not reach the limit grain.
/// </summary>
[GrainType("messaging-quota")]
[StatelessWorker(1)]
[Reentrant]
public sealed class MessagingQuotaGrain(TimeProvider time) : Grain, IMessagingQuotaGrain
{
    private readonly List<TaskCompletionSource<QuotaLease>> _waiting = [];
    private bool _leasing;
    private QuotaLease? _unlimited;

    public Task<QuotaLease> Take(CancellationToken cancellationToken = default)
    {
        if (_unlimited is { } unlimited && unlimited.Minute == MinuteCounts.MinuteOf(time.GetUtcNow()))
        {
            return Task.FromResult(unlimited);
        }

        var waiter = new TaskCompletionSource<QuotaLease>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add(waiter);
        if (!_leasing)
        {
            _leasing = true;
            _ = LeaseForWaiting();
        }

        return waiter.Task;
    }

    private async Task LeaseForWaiting()
    {
        try
        {
            var limit = GrainFactory.GetGrain<IMessagingLimitGrain>(this.GetPrimaryKeyString());
            while (_waiting.Count > 0)
            {
                var batch = _waiting.ToArray();
                _waiting.Clear();
                QuotaLease lease;
                try
                {
                    lease = await limit.Lease(batch.Length);
                }
                catch (Exception e)
                {
                    foreach (var waiter in batch)
                    {
                        waiter.TrySetException(e);
                    }

                    continue;
                }

                _unlimited = lease.Status.Unlimited ? lease : null;
                for (var i = 0; i < batch.Length; i++)
                {
                    // First come, first served: the callers beyond the grant find the limit reached.
                    batch[i].TrySetResult(lease with { Granted = lease.Status.Unlimited || i < lease.Granted ? 1 : 0 });
                }
            }
        }
        finally
        {
            _leasing = false;
        }
    }
}
