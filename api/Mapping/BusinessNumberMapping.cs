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
            QualityRating.Green => V1.QualityRating.Green,
            QualityRating.Yellow => V1.QualityRating.Yellow,
            QualityRating.Red => V1.QualityRating.Red,
            _ => V1.QualityRating.Unknown,
        },
    };

    /// <summary>Unspecified keeps the number's rating; a value this version does not know is passed on to be refused.</summary>
    public static QualityRating? FromProto(V1.QualityRating rating) => rating switch
    {
        V1.QualityRating.Unspecified => null,
        V1.QualityRating.Unknown => QualityRating.Unknown,
        V1.QualityRating.Green => QualityRating.Green,
        V1.QualityRating.Yellow => QualityRating.Yellow,
        V1.QualityRating.Red => QualityRating.Red,
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
