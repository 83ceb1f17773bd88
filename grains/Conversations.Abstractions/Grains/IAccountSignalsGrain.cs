using System.Collections.Immutable;
using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Refusals;
using Orleans.Concurrency;

namespace Conversations.Abstractions.Grains;

/// <summary>
/// Meta's account signals for one WABA (keyed by its id, the webhook entry's id): applies each to the WABA's business
/// numbers and portfolios, and tells the numbers' subscribers what changed. Each answer counts the numbers it changed.
/// </summary>
[Alias("account-signals")]
public interface IAccountSignalsGrain : IGrainWithStringKey
{
    /// <summary>
    /// phone_number_quality_update: the quality (null: unchanged) of the WABA's number displayed as
    /// <paramref name="displayPhoneNumber"/>, and its portfolio's messaging limit (null: unchanged). Refused with
    /// UNKNOWN_BUSINESS_NUMBER when no number of the WABA has that display number or id.
    /// </summary>
    [Alias("apply-quality")]
    Task<Result<int>> ApplyQuality(string displayPhoneNumber, QualityRating? quality, string? messagingLimit, CancellationToken cancellationToken = default);

    /// <summary>business_capability_update: the messaging limit of the portfolios of the WABA's numbers (the WABA's own when it has none).</summary>
    [Alias("apply-messaging-limit")]
    Task<Result<int>> ApplyMessagingLimit(string messagingLimit, CancellationToken cancellationToken = default);

    /// <summary>
    /// account_update ACCOUNT_RESTRICTION: the WABA's restrictions as Meta reported them at <paramref name="reportedAt"/>
    /// (the entry's time; empty lifts them all). A report older than the one applied changes nothing: Meta's deliveries
    /// come in any order, and a redelivered old one must not undo a newer one.
    /// </summary>
    [Alias("apply-restrictions")]
    Task<Result<int>> ApplyRestrictions(ImmutableArray<AccountRestriction> restrictions, DateTimeOffset? reportedAt, CancellationToken cancellationToken = default);

    /// <summary>account_update DISABLED_UPDATE: the WABA's ban (None on REINSTATE), older reports ignored as for restrictions.</summary>
    [Alias("apply-ban")]
    Task<Result<int>> ApplyBan(WabaBanState ban, DateTimeOffset? banDate, DateTimeOffset? reportedAt, CancellationToken cancellationToken = default);

    /// <summary>The WABA's standing, which a number takes when it joins the WABA.</summary>
    [Alias("standing"), ReadOnly]
    Task<AccountStanding> Standing(CancellationToken cancellationToken = default);
}
