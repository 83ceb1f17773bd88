namespace Conversations.Abstractions.Limits;

/// <summary>
/// Slots of a portfolio's messaging limit handed to one silo, all counted in one minute of the moving window. Zero
/// granted with a limited tier means the limit is reached; Status says when it resets.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("quota-lease")]
public sealed record QuotaLease(
    [property: Id(0)] int Granted,
    [property: Id(1)] long Minute,
    [property: Id(2)] MessagingLimitStatus Status);
