using Conversations.Abstractions.Grains;

namespace Conversations.Integration.Tests;

/// <summary>
/// The usage ledger failing one call, as it does when its silo dies or Redis drops its write: the next Charge throws
/// before the ledger sees it, every other call goes through.
/// </summary>
public sealed class LedgerOutage
{
    private int _failNext;

    public void FailNextCharge() => Interlocked.Exchange(ref _failNext, 1);

    public void Install(ISiloBuilder silo) => silo.AddIncomingGrainCallFilter(async context =>
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(IUsageLedgerGrain)
            && context.InterfaceMethod.Name == nameof(IUsageLedgerGrain.Charge)
            && Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            throw new SiloUnavailableException("The usage ledger's silo is gone (test outage).");
        }

        await context.Invoke();
    });
}
