using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Pricing;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Conversations.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class UsageService(IGrainFactory grains, CallerAccess callers) : V1.UsageService.UsageServiceBase
{
    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.GetUsageResponse> GetUsage(V1.GetUsageRequest request, ServerCallContext context)
    {
        var portfolio = Portfolio(request).OrThrow();
        callers.Of(context).Portfolio(request.PortfolioId.Length > 0 ? "portfolio_id" : "waba_id", portfolio);
        var month = UsageLedgerKey.Month(request.Month).OrThrow();
        var businessNumberId = string.IsNullOrEmpty(request.BusinessNumberId) ? null : MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();

        var report = await grains.GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(portfolio, month))
            .Usage(new UsageQuery(businessNumberId, request.GroupByDay), context.CancellationToken);
        return report.ToProto();
    }

    /// <summary>Ledgers are kept per portfolio; waba_id names the portfolio of numbers registered without one.</summary>
    private static Result<string> Portfolio(V1.GetUsageRequest request) => (request.WabaId, request.PortfolioId) switch
    {
        ({ Length: > 0 }, { Length: > 0 }) => FieldRules.Invalid("portfolio_id", "one_of", "Give waba_id or portfolio_id, not both."),
        (_, { Length: > 0 } portfolioId) => MetaId.PortfolioId(portfolioId),
        (var wabaId, _) => MetaId.WabaId(wabaId),
    };
}
