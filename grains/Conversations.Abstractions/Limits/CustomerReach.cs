namespace Conversations.Abstractions.Limits;

/// <summary>The answer of the messaging limit for one customer; CountedAt is when the customer's slot was taken.</summary>
[GenerateSerializer, Immutable]
[Alias("customer-reach")]
public sealed record CustomerReach(
    [property: Id(0)] ReachOutcome Outcome,
    [property: Id(1)] DateTimeOffset? CountedAt);
