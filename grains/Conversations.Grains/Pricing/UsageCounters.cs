namespace Conversations.Grains.Pricing;

/// <summary>
/// The month's ordinals that prices depend on: service messages per business number (the 2026 monthly allowance) and
/// charged messages per market and category (volume tiers). Part of a ledger's state; a plain object in unit tests.
/// </summary>
[GenerateSerializer]
[Alias("usage-counters")]
public sealed class UsageCounters
{
    /// <summary>Service messages that used the monthly allowance (free or beyond it), by business number id.</summary>
    [Id(0)] public Dictionary<string, long> ServiceMessages { get; set; } = [];

    /// <summary>Regular (charged) messages by "market/category": the ordinals volume tiers are priced by.</summary>
    [Id(1)] public Dictionary<string, long> ChargedMessages { get; set; } = [];

    public long ServiceMessagesOf(string businessNumberId) => ServiceMessages.GetValueOrDefault(businessNumberId);

    public long ChargedMessagesOf(string market, string category) => ChargedMessages.GetValueOrDefault(VolumeKey(market, category));

    /// <summary>Counts a priced message, so the next one is priced after it.</summary>
    public void Count(string businessNumberId, PricedMessage priced)
    {
        if (priced.CountsAsServiceMessage)
        {
            ServiceMessages[businessNumberId] = ServiceMessagesOf(businessNumberId) + 1;
        }

        if (priced.CountsTowardVolume)
        {
            var key = VolumeKey(priced.Estimate.Market, priced.Estimate.Category);
            ChargedMessages[key] = ChargedMessages.GetValueOrDefault(key) + 1;
        }
    }

    private static string VolumeKey(string market, string category) => $"{market}/{category}";
}
