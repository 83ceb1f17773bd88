namespace Conversations.Grains.Pricing;

/// <summary>One portfolio's month: the ordinals prices depend on, the totals, and the recently seen message ids.</summary>
[GenerateSerializer]
[Alias("usage-ledger-state")]
public sealed class UsageLedgerState
{
    [Id(0)] public UsageCounters Counters { get; set; } = new();

    /// <summary>Totals rows, in the order they were created; <see cref="RememberedMessage.Row"/> indexes them.</summary>
    [Id(1)] public List<UsageTotals> Totals { get; set; } = [];

    [Id(2)] public RecentMessages Charged { get; set; } = new();

    [Id(3)] public RecentMessages Reported { get; set; } = new();
}
