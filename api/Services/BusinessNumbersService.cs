using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class BusinessNumbersService(IGrainFactory grains) : V1.BusinessNumbersService.BusinessNumbersServiceBase
{
    public override async Task<V1.RegisterBusinessNumberResponse> RegisterBusinessNumber(V1.RegisterBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var settings = new BusinessNumberSettings(
            request.WabaId,
            string.IsNullOrEmpty(request.PortfolioId) ? null : request.PortfolioId,
            request.HasThroughputPerSecond ? request.ThroughputPerSecond : null,
            BusinessNumberMapping.FromProto(request.QualityRating));
        var profile = await grains.GetGrain<IBusinessNumberGrain>(id).Configure(settings, context.CancellationToken);
        return new V1.RegisterBusinessNumberResponse { BusinessNumber = profile.OrThrow().ToProto() };
    }

    public override async Task<V1.GetBusinessNumberResponse> GetBusinessNumber(V1.GetBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var profile = await grains.GetGrain<IBusinessNumberGrain>(id).GetProfile(context.CancellationToken);
        if (profile is null)
        {
            throw Refusal.Of(
                RefusalReason.UnknownBusinessNumber,
                $"Business number {id} is not registered.",
                ("business_number_id", id)).ToRpcException();
        }

        return new V1.GetBusinessNumberResponse { BusinessNumber = profile.ToProto() };
    }

    public override async Task<V1.SetMessagingLimitResponse> SetMessagingLimit(V1.SetMessagingLimitRequest request, ServerCallContext context)
    {
        var portfolio = MetaId.PortfolioId(request.PortfolioId).OrThrow();
        var status = await grains.GetGrain<IMessagingLimitGrain>(portfolio).SetTier(request.Tier, context.CancellationToken);
        return new V1.SetMessagingLimitResponse { MessagingLimit = status.OrThrow().ToProto() };
    }

    public override async Task<V1.GetMessagingLimitResponse> GetMessagingLimit(V1.GetMessagingLimitRequest request, ServerCallContext context)
    {
        var portfolio = MetaId.PortfolioId(request.PortfolioId).OrThrow();
        var status = await grains.GetGrain<IMessagingLimitGrain>(portfolio).Status(context.CancellationToken);
        return new V1.GetMessagingLimitResponse { MessagingLimit = status.ToProto() };
    }
}
