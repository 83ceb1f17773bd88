using Conversations.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conversations.LoadTest.Relay;

/// <summary>
/// conversations.v1.ConversationsService/Send and nothing else: relay the text to Meta, answer with a receipt. No
/// window, no idempotency, no storage: the part of a send no implementation can skip.
/// </summary>
public sealed class RelayConversationsService(MetaRelayClient meta) : V1.ConversationsService.ConversationsServiceBase
{
    public override async Task<SendResponse> Send(SendRequest request, ServerCallContext context)
    {
        if (request.ContentCase != SendRequest.ContentOneofCase.Text)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unimplemented, "The relay floor relays text only."));
        }

        var wamid = await meta.SendTextAsync(request.BusinessNumberId, request.Customer, request.Text.Body, request.Text.PreviewUrl, context.CancellationToken);
        return new SendResponse
        {
            Receipt = new SendReceipt
            {
                MessageId = Guid.CreateVersion7().ToString("N"),
                Kind = MessageKind.FreeForm,
                AcceptedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                Status = MessageStatus.Accepted,
                Wamid = wamid,
            },
        };
    }
}
