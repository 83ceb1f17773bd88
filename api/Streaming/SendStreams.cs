using Conversations.Abstractions.Grains;
using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Auth;
using Conversations.Api.Errors;
using Conversations.Api.Mapping;
using Microsoft.Extensions.Options;
using V1 = Conversations.V1;

namespace Conversations.Api.Streaming;

/// <summary>StreamSends: each item decided exactly as Send decides it, its refusal returned in its outcome.</summary>
public sealed class SendStreams(GrainReferences grains, IOptions<StreamingOptions> options, ILogger<SendStreams> logger)
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
                item => Key(item).Value?.ToString(),
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
        Result<Abstractions.Messages.SendCommand> command = key.Succeeded ? item.Request!.ToCommand() : key.Refusal;
        if (!command.Succeeded)
        {
            outcome.Refusal = command.Refusal.ToProto();
            return outcome;
        }

        try
        {
            var allowed = await access.TryNumber(key.Value!.BusinessNumberId);
            var receipt = allowed.Succeeded
                ? await grains.Get<IConversationGrain>(key.Value.ToString()).Send(command.Value, cancellationToken)
                : allowed.Refusal;
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

    private static Result<ConversationKey> Key(V1.StreamSendsRequest item) =>
        item.Request is { } request ? ConversationKey.Create(request.BusinessNumberId, request.Customer) : Refusal.MissingField("request");
}
