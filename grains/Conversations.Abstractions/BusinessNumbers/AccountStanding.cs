using System.Collections.Immutable;

namespace Conversations.Abstractions.BusinessNumbers;

/// <summary>
/// The WABA's restrictions and ban as Meta's account_update webhooks last reported them. Each ACCOUNT_RESTRICTION
/// replaces the restrictions (an empty restriction_info lifts them all); each DISABLED_UPDATE replaces the ban.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("account-standing")]
public sealed record AccountStanding(
    [property: Id(0)] ImmutableArray<AccountRestriction> Restrictions,
    [property: Id(1)] WabaBanState Ban,
    [property: Id(2)] DateTimeOffset? BanDate)
{
    public static AccountStanding Good { get; } = new([], WabaBanState.None, null);

    /// <summary>Disabled now: DISABLE, or SCHEDULE_FOR_DISABLE whose date has come.</summary>
    public bool BannedAt(DateTimeOffset now) =>
        Ban == WabaBanState.Disable || (Ban == WabaBanState.ScheduleForDisable && BanDate is { } date && now >= date);

    /// <summary>The restriction of <paramref name="type"/> in force at <paramref name="now"/>, if any.</summary>
    public AccountRestriction? Restriction(string type, DateTimeOffset now) =>
        Items(Restrictions).FirstOrDefault(r => r.Type == type && r.ActiveAt(now));

    /// <summary>By content: a record compares arrays by reference, and a profile read again must equal the one cached.</summary>
    public bool Equals(AccountStanding? other) =>
        other is not null && Ban == other.Ban && BanDate == other.BanDate && Items(Restrictions).SequenceEqual(Items(other.Restrictions));

    public override int GetHashCode() => HashCode.Combine(Ban, BanDate, Items(Restrictions).Length);

    private static ImmutableArray<AccountRestriction> Items(ImmutableArray<AccountRestriction> restrictions) => restrictions.IsDefault ? [] : restrictions;
}
