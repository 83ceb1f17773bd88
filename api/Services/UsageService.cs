using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Pricing;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class UsageService(IGrainFactory grains) : V1.Usage.UsageBase
{
    public override async Task<V1.UsageReport> GetUsage(V1.UsageRequest request, ServerCallContext context)
    {
        var waba = MetaId.WabaId(request.WabaId).OrThrow();
        var month = UsageLedgerKey.Month(request.Month).OrThrow();
        var businessNumberId = string.IsNullOrEmpty(request.BusinessNumberId) ? null : MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();

        var report = await grains.GetGrain<IUsageLedgerGrain>(UsageLedgerKey.Of(waba, month))
            .Usage(new UsageQuery(businessNumberId, request.GroupByDay), context.CancellationToken);
        return report.ToProto();
    }
}
