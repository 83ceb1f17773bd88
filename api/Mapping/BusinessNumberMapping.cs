using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Limits;
using Conversations.Grains.Signals;
using V1 = Conversations.V1;

namespace Conversations.Api.Mapping;

public static class BusinessNumberMapping
{
    public static V1.BusinessNumber ToProto(this BusinessNumberProfile profile) => new()
    {
        BusinessNumberId = profile.BusinessNumberId,
        WabaId = profile.WabaId,
        PortfolioId = profile.PortfolioId,
        ThroughputPerSecond = profile.ThroughputPerSecond,
        QualityRating = profile.Quality.ToProto(),
        DisplayPhoneNumber = profile.DisplayPhoneNumber ?? "",
        AccountStanding = profile.Standing.ToProto(),
    };

    public static V1.QualityRating ToProto(this QualityRating quality) => quality switch
    {
        QualityRating.Green => V1.QualityRating.Green,
        QualityRating.Yellow => V1.QualityRating.Yellow,
        QualityRating.Red => V1.QualityRating.Red,
        QualityRating.Flagged => V1.QualityRating.Flagged,
        _ => V1.QualityRating.Unknown,
    };

    public static V1.AccountStanding ToProto(this AccountStanding standing) => new()
    {
        Restrictions =
        {
            standing.Restrictions.IsDefault
                ? []
                : standing.Restrictions.Select(r => new V1.AccountRestriction { RestrictionType = r.Type, ExpiresAt = r.Expires.ToProto() }),
        },
        BanState = AccountGuard.BanStateName(standing.Ban),
        BanDate = standing.BanDate.ToProto(),
    };

    /// <summary>Unspecified keeps the number's rating; a value this version does not know is passed on to be refused.</summary>
    public static QualityRating? FromProto(V1.QualityRating rating) => rating switch
    {
        V1.QualityRating.Unspecified => null,
        V1.QualityRating.Unknown => QualityRating.Unknown,
        V1.QualityRating.Green => QualityRating.Green,
        V1.QualityRating.Yellow => QualityRating.Yellow,
        V1.QualityRating.Red => QualityRating.Red,
        V1.QualityRating.Flagged => QualityRating.Flagged,
        _ => (QualityRating)(-1),
    };

    public static V1.MessagingLimit ToProto(this MessagingLimitStatus status) => new()
    {
        PortfolioId = status.PortfolioId,
        Tier = MessagingLimitTier.Name(status.Tier),
        Used = status.Used,
        ResetsAt = status.ResetsAt.ToProto(),
    };
}
