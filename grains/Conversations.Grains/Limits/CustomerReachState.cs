namespace Conversations.Grains.Limits;

[GenerateSerializer]
[Alias("customer-reach-state")]
public sealed class CustomerReachState
{
    /// <summary>When a business-initiated message last took a slot of the portfolio's limit for this customer.</summary>
    [Id(0)] public DateTimeOffset? CountedAt { get; set; }
}
