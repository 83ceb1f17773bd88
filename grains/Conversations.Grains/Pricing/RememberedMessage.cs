namespace Conversations.Grains.Pricing;

/// <summary>
/// A message a ledger has seen: its id as a 64-bit hash (a quarter of the id's size in state), the totals row it was
/// counted in and, for a charge, its amount, so a retried Charge gets the first estimate back.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("remembered-message")]
public readonly record struct RememberedMessage(
    [property: Id(0)] ulong IdHash,
    [property: Id(1)] int Row,
    [property: Id(2)] decimal Amount);
