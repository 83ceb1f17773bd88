using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

public sealed class BusinessNumbersService(IGrainFactory grains) : V1.BusinessNumbers.BusinessNumbersBase
{
    public override async Task<V1.BusinessNumber> RegisterBusinessNumber(V1.RegisterBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var waba = await grains.GetGrain<IBusinessNumberGrain>(id).Register(request.WabaId, context.CancellationToken);
        return new V1.BusinessNumber { BusinessNumberId = id, WabaId = waba.OrThrow() };
    }

    public override async Task<V1.BusinessNumber> GetBusinessNumber(V1.GetBusinessNumberRequest request, ServerCallContext context)
    {
        var id = MetaId.BusinessNumberId(request.BusinessNumberId).OrThrow();
        var waba = await grains.GetGrain<IBusinessNumberGrain>(id).GetWabaId(context.CancellationToken);
        if (waba is null)
        {
            throw Refusal.Of(
                RefusalReason.UnknownBusinessNumber,
                $"Business number {id} is not registered.",
                ("business_number_id", id)).ToRpcException();
        }

        return new V1.BusinessNumber { BusinessNumberId = id, WabaId = waba };
    }
}
