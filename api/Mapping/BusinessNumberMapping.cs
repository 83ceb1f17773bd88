using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Limits;
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
        QualityRating = profile.Quality switch
        {
            QualityRating.Green => V1.QualityRating.QualityGreen,
            QualityRating.Yellow => V1.QualityRating.QualityYellow,
            QualityRating.Red => V1.QualityRating.QualityRed,
            _ => V1.QualityRating.QualityUnknown,
        },
    };

    /// <summary>Unspecified keeps the number's rating; a value this version does not know is passed on to be refused.</summary>
    public static QualityRating? FromProto(V1.QualityRating rating) => rating switch
    {
        V1.QualityRating.Unspecified => null,
        V1.QualityRating.QualityUnknown => QualityRating.Unknown,
        V1.QualityRating.QualityGreen => QualityRating.Green,
        V1.QualityRating.QualityYellow => QualityRating.Yellow,
        V1.QualityRating.QualityRed => QualityRating.Red,
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
