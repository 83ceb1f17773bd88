using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Identity;
using Conversations.Api.Mapping;
using Microsoft.Extensions.Options;
using V1 = Conversations.V1;

namespace Conversations.Api.Streaming;

/// <summary>StreamSends: each item decided exactly as Send decides it, its refusal returned in its outcome.</summary>
public sealed class SendStreams(GrainReferences grains, CustomerDirectory customers, IOptions<StreamingOptions> options, ILogger<SendStreams> logger)
{
    private int _open;

    /// <summary>Streams being served now; back to zero once every call ended, however it ended.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <param name="access">The stream's caller: each item's number is checked against its WABAs, each number once per stream.</param>
    public async Task Run(
        IAsyncEnumerable<V1.StreamSendsRequest> requests,
        Func<V1.StreamSendsResponse, CancellationToken, Task> write,
        CallAccess access,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        try
        {
            await SendPipeline.Run(
                requests,
                item => Key(item) is { Succeeded: true } key ? $"{key.Value.Number}/{key.Value.Ids.Phone ?? key.Value.Ids.UserId}" : null,
                (item, token) => Send(item, access, token),
                write,
                options.Value.MaxSendsInFlight,
                options.Value.OutcomeBuffer,
                cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>The same checks, in the same order, as the unary Send; only infrastructure failures are told differently.</summary>
    public async Task<V1.StreamSendsResponse> Send(V1.StreamSendsRequest item, CallAccess access, CancellationToken cancellationToken)
    {
        var outcome = new V1.StreamSendsResponse { CorrelationId = item.CorrelationId };
        var key = Key(item);
        if (key.Succeeded && item.MarkRead is { } markRead)
        {
            return await MarkRead(outcome, key.Value, markRead, access, cancellationToken);
        }

        Result<Abstractions.Messages.SendCommand> command = key.Succeeded ? item.Request!.ToCommand() : key.Refusal;
        if (!command.Succeeded)
        {
            outcome.Refusal = command.Refusal.ToProto();
            return outcome;
        }

        try
        {
            var (number, ids) = key.Value;
            var allowed = await access.TryNumber(number);
            var conversation = allowed.Succeeded
                ? await customers.KeyOf(number, allowed.Value.PortfolioId, ids, record: true, fromMeta: false, cancellationToken)
                : allowed.Refusal;
            var receipt = conversation.Succeeded
                ? await grains.Get<IConversationGrain>(conversation.Value.ToString()).Send(command.Value, cancellationToken)
                : conversation.Refusal;
            if (receipt.Succeeded)
            {
                outcome.Receipt = receipt.Value.ToProto();
            }
            else
            {
                outcome.Refusal = receipt.Refusal.ToProto();
            }
        }
        catch (Exception e) when (ClusterFailure.Of(e) is { } failure)
        {
            logger.LogError(e, "StreamSends item {CorrelationId} failed with {Reason}", item.CorrelationId, failure.Reason);
            outcome.Refusal = failure.ToRefusal();
        }

        return outcome;
    }

    /// <summary>A mark_read item, checked as the unary MarkRead checks it.</summary>
    private async Task<V1.StreamSendsResponse> MarkRead(V1.StreamSendsResponse outcome, (string Number, CustomerIds Ids) key, V1.MarkReadRequest request, CallAccess access, CancellationToken cancellationToken)
    {
        try
        {
            var allowed = await access.TryNumber(key.Number);
            var conversation = allowed.Succeeded
                ? await customers.KeyOf(key.Number, allowed.Value.PortfolioId, key.Ids, record: false, fromMeta: false, cancellationToken)
                : allowed.Refusal;
            var marked = conversation.Succeeded
                ? await grains.Get<IConversationGrain>(conversation.Value.ToString()).MarkRead(request.ToCommand(), cancellationToken)
                : conversation.Refusal;
            if (marked.Succeeded)
            {
                outcome.MarkedRead = marked.Value.ToProto();
            }
            else
            {
                outcome.Refusal = marked.Refusal.ToProto();
            }
        }
        catch (Exception e) when (ClusterFailure.Of(e) is { } failure)
        {
            logger.LogError(e, "StreamSends item {CorrelationId} failed with {Reason}", outcome.CorrelationId, failure.Reason);
            outcome.Refusal = failure.ToRefusal();
        }

        return outcome;
    }

    /// <summary>The item's number and customer ids, validated; the customer's conversation is looked up once the number is authorized.</summary>
    private static Result<(string Number, CustomerIds Ids)> Key(V1.StreamSendsRequest item)
    {
        if (item.Request is not null && item.MarkRead is not null)
        {
            return FieldRules.Invalid("mark_read", "one_of", "A stream item is either a send (request) or a read receipt (mark_read), not both.");
        }

        var (businessNumberId, customer, customerUserId) = item switch
        {
            { Request: { } request } => (request.BusinessNumberId, request.Customer, request.CustomerUserId),
            { MarkRead: { } markRead } => (markRead.BusinessNumberId, markRead.Customer, markRead.CustomerUserId),
            _ => (null, null, null),
        };
        if (businessNumberId is null)
        {
            return Refusal.MissingField("request");
        }

        var number = MetaId.BusinessNumberId(businessNumberId);
        var ids = number.Succeeded ? CustomerIds.FromCaller(customer, customerUserId) : number.Refusal;
        return ids.Succeeded ? Result<(string, CustomerIds)>.Ok((number.Value!, ids.Value)) : ids.Refusal;
    }
}
