using Conversations.Abstractions.BusinessNumbers;
using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Conversations.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class BusinessNumbersService(IGrainFactory grains, CallerAccess callers, NumberOwners owners) : V1.BusinessNumbersService.BusinessNumbersServiceBase
{
    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.RegisterBusinessNumberResponse> RegisterBusinessNumber(V1.RegisterBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var portfolio = OptionalPortfolio(request.PortfolioId);
        await callers.Of(context).Place(id, MetaId.WabaId(request.WabaId).OrThrow(), portfolio);
        var settings = new BusinessNumberSettings(
            request.WabaId,
            portfolio,
            request.HasThroughputPerSecond ? request.ThroughputPerSecond : null,
            BusinessNumberMapping.FromProto(request.QualityRating),
            request.DisplayPhoneNumber.Length == 0 ? null : request.DisplayPhoneNumber);
        var profile = await grains.GetGrain<IBusinessNumberGrain>(id).Configure(settings, context.CancellationToken);
        return new V1.RegisterBusinessNumberResponse { BusinessNumber = profile.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.GetBusinessNumberResponse> GetBusinessNumber(V1.GetBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var profile = await callers.Of(context).CurrentNumber(id);
        return new V1.GetBusinessNumberResponse { BusinessNumber = profile.ToProto() };
    }

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.SetMessagingLimitResponse> SetMessagingLimit(V1.SetMessagingLimitRequest request, ServerCallContext context)
    {
        var portfolio = MetaId.PortfolioId(request.PortfolioId).OrThrow();
        callers.Of(context).Portfolio("portfolio_id", portfolio);
        var status = await grains.GetGrain<IMessagingLimitGrain>(portfolio).SetTier(request.Tier, context.CancellationToken);
        return new V1.SetMessagingLimitResponse { MessagingLimit = status.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.GetMessagingLimitResponse> GetMessagingLimit(V1.GetMessagingLimitRequest request, ServerCallContext context)
    {
        var portfolio = MetaId.PortfolioId(request.PortfolioId).OrThrow();
        callers.Of(context).Portfolio("portfolio_id", portfolio);
        var status = await grains.GetGrain<IMessagingLimitGrain>(portfolio).Status(context.CancellationToken);
        return new V1.GetMessagingLimitResponse { MessagingLimit = status.ToProto() };
    }

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.ReleaseBusinessNumberResponse> ReleaseBusinessNumber(V1.ReleaseBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        await callers.Of(context).Number(id);
        var released = await grains.GetGrain<IBusinessNumberGrain>(id).Release(context.CancellationToken);
        owners.Forget(id);
        return new V1.ReleaseBusinessNumberResponse { BusinessNumber = released.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.MoveBusinessNumberResponse> MoveBusinessNumber(V1.MoveBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var waba = MetaId.WabaId(request.WabaId).OrThrow();
        var portfolio = OptionalPortfolio(request.PortfolioId);
        await callers.Of(context).Place(id, waba, portfolio);
        var moved = await grains.GetGrain<IBusinessNumberGrain>(id).Move(waba, portfolio, context.CancellationToken);
        owners.Forget(id);
        return new V1.MoveBusinessNumberResponse { BusinessNumber = moved.OrThrow().ToProto() };
    }

    private static string? OptionalPortfolio(string portfolioId) =>
        string.IsNullOrEmpty(portfolioId) ? null : MetaId.PortfolioId(portfolioId).OrThrow();

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.ListDeadLettersResponse> ListDeadLetters(V1.ListDeadLettersRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var limit = DeadLetterMapping.Limit(request.Limit).OrThrow();
        await callers.Of(context).Number(id);
        var letters = await grains.GetGrain<IDeadLetterGrain>(id).List(limit, context.CancellationToken);
        return new V1.ListDeadLettersResponse { DeadLetters = { letters.Select(l => l.ToProto()) } };
    }
}
