using Conversations.Abstractions.Meta;

namespace Conversations.Abstractions.Pricing;

/// <summary>Meta's pricing object for a delivered message, next to what we estimated for it.</summary>
[GenerateSerializer, Immutable]
[Alias("reported-charge")]
public sealed record ReportedCharge(
    [property: Id(0)] string BusinessNumberId,
    [property: Id(1)] string MessageId,
    [property: Id(2)] ChargeEstimate Estimate,
    [property: Id(3)] PricingReport Reported,
    [property: Id(4)] DateTimeOffset DeliveredAt);
