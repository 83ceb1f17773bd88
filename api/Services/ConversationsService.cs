using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Grpc.Core;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

/// <summary>Routes each call to its conversation grain; the grain, not this service, decides.</summary>
public sealed class ConversationsService(IGrainFactory grains) : V1.Conversations.ConversationsBase
{
    public override async Task<V1.Conversation> RecordInbound(V1.RecordInboundRequest request, ServerCallContext context)
    {
        var grain = Conversation(request.BusinessNumberId, request.Customer);
        var message = request.ToDomain().OrThrow();
        var snapshot = await grain.RecordInbound(message, context.CancellationToken);
        return snapshot.OrThrow().ToProto();
    }

    public override async Task<V1.SendReceipt> Send(V1.SendRequest request, ServerCallContext context)
    {
        var grain = Conversation(request.BusinessNumberId, request.Customer);
        var command = request.ToDomain().OrThrow();
        var receipt = await grain.Send(command, context.CancellationToken);
        return receipt.OrThrow().ToProto();
    }

    public override async Task<V1.Conversation> GetConversation(V1.ConversationRef request, ServerCallContext context)
    {
        var grain = Conversation(request.BusinessNumberId, request.Customer);
        var snapshot = await grain.Get(context.CancellationToken);
        return snapshot.OrThrow().ToProto();
    }

    private IConversationGrain Conversation(string businessNumberId, string customer) =>
        grains.GetGrain<IConversationGrain>(ConversationKey.Create(businessNumberId, customer).OrThrow().ToString());
}
