using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Identity;
using Conversations.Api.Mapping;
using Conversations.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Conversations.V1;

namespace Conversations.Api.Services;

/// <summary>Routes each call to its conversation grain once the caller may act for the number's WABA; the grain, not this service, decides.</summary>
public sealed class ConversationsService(GrainReferences grains, CallerAccess callers, CustomerDirectory customers) : V1.ConversationsService.ConversationsServiceBase
{
    [Authorize(Policy = Scopes.Send)]
    public override async Task<V1.RecordInboundResponse> RecordInbound(V1.RecordInboundRequest request, ServerCallContext context)
    {
        var ids = CustomerIds.FromCaller(request.Customer, request.CustomerUserId).OrThrow();
        var message = request.ToDomain().OrThrow().From(ids);
        var grain = await Conversation(request.BusinessNumberId, Result<CustomerIds>.Ok(ids), context, record: true);
        var snapshot = await grain.RecordInbound(message, context.CancellationToken);
        return new V1.RecordInboundResponse { Conversation = snapshot.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Send)]
    public override async Task<V1.SendResponse> Send(V1.SendRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromCaller(request.Customer, request.CustomerUserId), context, record: true);
        var command = request.ToCommand().OrThrow();
        var receipt = await grain.Send(command, context.CancellationToken);
        return new V1.SendResponse { Receipt = receipt.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.GetConversationResponse> GetConversation(V1.GetConversationRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromMeta(request.Customer, request.CustomerUserId), context);
        var snapshot = await grain.Get(context.CancellationToken);
        return new V1.GetConversationResponse { Conversation = snapshot.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Send)]
    public override async Task<V1.EvaluateResponse> Evaluate(V1.EvaluateRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromCaller(request.Customer, request.CustomerUserId), context);
        var command = request.ToSendRequest().ToCommand();
        if (!command.Succeeded)
        {
            // A malformed request is still an answer a dry run can give in its body.
            var snapshot = (await grain.Get(context.CancellationToken)).OrThrow();
            return new SendEvaluation(false, null, null, false, command.Refusal, snapshot).ToProto();
        }

        var evaluation = await grain.Evaluate(command.Value, context.CancellationToken);
        return evaluation.OrThrow().ToProto();
    }

    [Authorize(Policy = Scopes.Send)]
    public override async Task<V1.CancelScheduledSendResponse> CancelScheduledSend(V1.CancelScheduledSendRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromCaller(request.Customer, request.CustomerUserId), context);
        var cancelled = await grain.CancelScheduled(request.IdempotencyKey, context.CancellationToken);
        return new V1.CancelScheduledSendResponse { Message = cancelled.OrThrow().ToProto() };
    }

    [Authorize(Policy = Scopes.Read)]
    public override async Task<V1.ListMessagesResponse> ListMessages(V1.ListMessagesRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromMeta(request.Customer, request.CustomerUserId), context);
        var messages = await grain.ListMessages(request.Limit, context.CancellationToken);
        return new V1.ListMessagesResponse { Messages = { messages.OrThrow().Select(m => m.ToProto()) } };
    }

    [Authorize(Policy = Scopes.Send)]
    public override async Task<V1.MarkReadResponse> MarkRead(V1.MarkReadRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromCaller(request.Customer, request.CustomerUserId), context);
        var marked = await grain.MarkRead(request.ToCommand(), context.CancellationToken);
        return marked.OrThrow().ToProto();
    }

    [Authorize(Policy = Scopes.Admin)]
    public override async Task<V1.EraseCustomerResponse> EraseCustomer(V1.EraseCustomerRequest request, ServerCallContext context)
    {
        var grain = await Conversation(request.BusinessNumberId, CustomerIds.FromMeta(request.Customer, request.CustomerUserId), context);
        var erasure = await grain.Erase(context.CancellationToken);
        return erasure.OrThrow().ToProto();
    }

    /// <summary>
    /// The caller's conversation with the customer, whichever of their ids the request names (<see cref="CustomerDirectory"/>).
    /// Calls that record or send check the customer's number strictly (<see cref="CustomerIds.FromCaller"/>); reads and
    /// erasure take any E.164-shaped id (<see cref="CustomerIds.FromMeta"/>), so a conversation Meta opened with a number
    /// the phone library does not know can still be read and erased. With <paramref name="record"/> a BSUID the directory
    /// never saw is recorded, so it stays the key of the customer's conversations.
    /// </summary>
    private async Task<IConversationGrain> Conversation(string businessNumberId, Result<CustomerIds> ids, ServerCallContext context, bool record = false)
    {
        var number = MetaId.BusinessNumberId(businessNumberId).OrThrow();
        var customer = ids.OrThrow();
        var profile = await callers.Of(context).Number(number);
        var key = await customers.KeyOf(number, profile.PortfolioId, customer, record, fromMeta: false, context.CancellationToken);
        return grains.Get<IConversationGrain>(key.OrThrow().ToString());
    }
}
