namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>
/// One restriction_info item of Meta's account_update ACCOUNT_RESTRICTION: its type as Meta spells it
/// (RESTRICTED_BIZ_INITIATED_MESSAGING, ...) and when it lifts by itself (null: until Meta lifts it).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("account-restriction")]
public sealed record AccountRestriction(
    [property: Id(0)] string Type,
    [property: Id(1)] DateTimeOffset? Expires)
{
    public const string BusinessInitiatedMessaging = "RESTRICTED_BIZ_INITIATED_MESSAGING";
    public const string CustomerInitiatedMessaging = "RESTRICTED_CUSTOMER_INITIATED_MESSAGING";

    public bool ActiveAt(DateTimeOffset now) => Expires is not { } expires || now < expires;
}
