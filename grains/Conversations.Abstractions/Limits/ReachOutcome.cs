namespace Conversations.Abstractions.Limits;

/// <summary>How a business-initiated message to a customer was counted against the portfolio's messaging limit.</summary>
[GenerateSerializer]
[Alias("reach-outcome")]
public enum ReachOutcome
{
    /// <summary>The customer took a slot now.</summary>
    Counted = 1,

    /// <summary>The customer was counted within the moving window; no new slot.</summary>
    AlreadyCounted = 2,

    /// <summary>The portfolio's tier is unlimited; nothing is counted.</summary>
    Unlimited = 3,
}
