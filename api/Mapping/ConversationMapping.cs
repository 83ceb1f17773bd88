using System.Collections.Immutable;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Mapping;

public static class ConversationMapping
{
    public static V1.Conversation ToProto(this ConversationSnapshot snapshot) => new()
    {
        BusinessNumberId = snapshot.BusinessNumberId,
        Customer = snapshot.Customer,
        WindowOpen = snapshot.WindowOpen,
        WindowExpiresAt = snapshot.WindowExpiresAt.ToProto(),
        LastInboundAt = snapshot.LastInboundAt.ToProto(),
        WindowClosedAt = snapshot.WindowClosedAt.ToProto(),
    };

    public static V1.SendReceipt ToProto(this SendReceipt receipt) => new()
    {
        MessageId = receipt.MessageId,
        Kind = receipt.Kind == MessageKind.Template ? V1.MessageKind.Template : V1.MessageKind.FreeForm,
        Conversation = receipt.Conversation.ToProto(),
        AcceptedAt = Timestamp.FromDateTimeOffset(receipt.AcceptedAt),
        Replayed = receipt.Replayed,
    };

    public static Result<InboundMessage> ToDomain(this V1.RecordInboundRequest request)
    {
        var sentAt = ProtoTime.Required(request.SentAt, "sent_at");
        if (!sentAt.Succeeded)
        {
            return sentAt.Refusal;
        }

        var type = InboundMessageTypes.Parse(request.Type);
        if (!type.Succeeded)
        {
            return type.Refusal;
        }

        return Result<InboundMessage>.Ok(new InboundMessage(request.MessageId, sentAt.Value, type.Value, request.Text));
    }

    public static Result<SendCommand> ToDomain(this V1.SendRequest request)
    {
        MessageContent? content = request.ContentCase switch
        {
            V1.SendRequest.ContentOneofCase.Text => new TextMessage(request.Text.Body),
            V1.SendRequest.ContentOneofCase.Template => new TemplateMessage(
                request.Template.Name,
                request.Template.Language,
                [.. request.Template.Parameters],
                request.Template.NamedParameters.ToImmutableSortedDictionary(StringComparer.Ordinal)),
            _ => null,
        };
        return content is null
            ? Refusal.MissingField("content")
            : Result<SendCommand>.Ok(new SendCommand(request.IdempotencyKey, content));
    }
}
