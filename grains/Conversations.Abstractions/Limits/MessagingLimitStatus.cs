namespace Conversations.Abstractions.Limits;

/// <summary>
/// A portfolio's messaging limit now. Used counts the slots taken in the moving window (one per customer reached, plus
/// any whose customer a failing silo never recorded); ResetsAt is when the oldest slot leaves the window (null when
/// nothing is counted).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("messaging-limit-status")]
public sealed record MessagingLimitStatus(
    [property: Id(0)] string PortfolioId,
    [property: Id(1)] int? Tier,
    [property: Id(2)] int Used,
    [property: Id(3)] DateTimeOffset? ResetsAt)
{
    public bool Unlimited => Tier is null;
}
