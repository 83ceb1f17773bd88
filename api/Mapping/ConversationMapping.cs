using Conversations.Abstractions.Identity;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Refusals;
using Conversations.Api.Errors;
using Google.Protobuf.WellKnownTypes;
using V1 = Conversations.V1;

namespace Conversations.Api.Mapping;

public static class ConversationMapping
{
    public static V1.Conversation ToProto(this ConversationSnapshot snapshot) => new()
    {
        BusinessNumberId = snapshot.BusinessNumberId,
        Customer = snapshot.Identity.Phone ?? "",
        CustomerUserId = snapshot.Identity.UserId ?? "",
        WindowOpen = snapshot.WindowOpen,
        WindowExpiresAt = snapshot.WindowExpiresAt.ToProto(),
        LastInboundAt = snapshot.LastInboundAt.ToProto(),
        WindowClosedAt = snapshot.WindowClosedAt.ToProto(),
        MarketingOptedOut = snapshot.MarketingOptedOut,
        MarketingSuppressedUntil = snapshot.MarketingSuppressedUntil.ToProto(),
        LastReferralAt = snapshot.LastReferralAt.ToProto(),
    };

    public static V1.SendReceipt ToProto(this SendReceipt receipt) => new()
    {
        MessageId = receipt.MessageId,
        Kind = receipt.Status == MessageStatus.Scheduled ? V1.MessageKind.Unspecified : receipt.Kind.ToProto(),
        Conversation = receipt.Conversation.ToProto(),
        AcceptedAt = Timestamp.FromDateTimeOffset(receipt.AcceptedAt),
        Replayed = receipt.Replayed,
        UsedFallback = receipt.UsedFallback,
        Status = (V1.MessageStatus)receipt.Status,
        ScheduledFor = receipt.ScheduledFor.ToProto(),
        TemplateCategory = receipt.TemplateCategory is { } category ? (V1.TemplateCategory)category : V1.TemplateCategory.Unspecified,
        Wamid = receipt.Wamid ?? "",
        Charge = receipt.Charge?.ToProto(),
    };

    public static V1.EvaluateResponse ToProto(this SendEvaluation evaluation) => new()
    {
        Allowed = evaluation.Allowed,
        Kind = evaluation.Kind?.ToProto() ?? V1.MessageKind.Unspecified,
        TemplateCategory = evaluation.TemplateCategory is { } category ? (V1.TemplateCategory)category : V1.TemplateCategory.Unspecified,
        UsedFallback = evaluation.UsedFallback,
        Refusal = evaluation.Refusal?.ToProto(),
        Conversation = evaluation.Conversation.ToProto(),
        Charge = evaluation.Charge?.ToProto(),
    };

    public static V1.EraseCustomerResponse ToProto(this CustomerErasure erasure) => new()
    {
        BusinessNumberId = erasure.BusinessNumberId,
        Customer = CustomerIdentity.Of(erasure.Customer).Phone ?? "",
        CustomerUserId = CustomerIdentity.Of(erasure.Customer).UserId ?? "",
        ConversationExisted = erasure.ConversationExisted,
        MessagesErased = erasure.Messages,
        ScheduledSendsCancelled = erasure.ScheduledSendsCancelled,
        EventsErased = erasure.Events,
        UsageMarkersErased = erasure.UsageMarkers,
        MessagingLimitReachErased = erasure.MessagingLimitReach,
        DeadLettersErased = erasure.DeadLetters,
    };

    public static V1.MessageRecord ToProto(this MessageLogEntry entry) => new()
    {
        MessageId = entry.MessageId,
        IdempotencyKey = entry.IdempotencyKey,
        RequestedType = entry.RequestedType,
        Kind = entry.Kind?.ToProto() ?? V1.MessageKind.Unspecified,
        Status = (V1.MessageStatus)entry.Status,
        CreatedAt = Timestamp.FromDateTimeOffset(entry.CreatedAt),
        DecidedAt = entry.DecidedAt.ToProto(),
        ScheduledFor = entry.ScheduledFor.ToProto(),
        UsedFallback = entry.UsedFallback,
        TemplateName = entry.TemplateName ?? "",
        TemplateCategory = entry.TemplateCategory is { } category ? (V1.TemplateCategory)category : V1.TemplateCategory.Unspecified,
        Refusal = entry.Refusal?.ToProto(),
        Wamid = entry.Wamid ?? "",
        SentAt = entry.SentAt.ToProto(),
        DeliveredAt = entry.DeliveredAt.ToProto(),
        ReadAt = entry.ReadAt.ToProto(),
        FailedAt = entry.FailedAt.ToProto(),
        MetaError = entry.MetaError is { } error ? new V1.MetaError { Code = error.Code, Title = error.Title, Details = error.Details ?? "" } : null,
        Pricing = entry.Pricing is { } pricing
            ? new V1.Pricing { Billable = pricing.Billable, PricingModel = pricing.PricingModel, Type = pricing.Type, Category = pricing.Category }
            : null,
        Charge = entry.Charge?.ToProto(),
    };

    public static V1.MessageKind ToProto(this MessageKind kind) =>
        kind == MessageKind.Template ? V1.MessageKind.Template : V1.MessageKind.FreeForm;

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

    /// <summary>The message as its conversation records it: with the ids the caller named the customer by, so it learns the other one.</summary>
    public static InboundMessage From(this InboundMessage message, CustomerIds ids) =>
        message with { Phone = ids.Phone, UserId = ids.UserId };

    /// <summary>Evaluate takes exactly what Send takes; one mapping serves both.</summary>
    public static V1.SendRequest ToSendRequest(this V1.EvaluateRequest request)
    {
        var send = new V1.SendRequest
        {
            BusinessNumberId = request.BusinessNumberId,
            Customer = request.Customer,
            CustomerUserId = request.CustomerUserId,
            IdempotencyKey = request.IdempotencyKey,
            FallbackTemplate = request.FallbackTemplate,
            SendAt = request.SendAt,
        };
        switch (request.ContentCase)
        {
            case V1.EvaluateRequest.ContentOneofCase.Text: send.Text = request.Text; break;
            case V1.EvaluateRequest.ContentOneofCase.Template: send.Template = request.Template; break;
            case V1.EvaluateRequest.ContentOneofCase.Media: send.Media = request.Media; break;
            case V1.EvaluateRequest.ContentOneofCase.Buttons: send.Buttons = request.Buttons; break;
            case V1.EvaluateRequest.ContentOneofCase.List: send.List = request.List; break;
            case V1.EvaluateRequest.ContentOneofCase.Location: send.Location = request.Location; break;
            case V1.EvaluateRequest.ContentOneofCase.Contacts: send.Contacts = request.Contacts; break;
            case V1.EvaluateRequest.ContentOneofCase.Reaction: send.Reaction = request.Reaction; break;
        }

        return send;
    }

    public static Result<SendCommand> ToCommand(this V1.SendRequest request)
    {
        if (request.ToDomain() is not { } content)
        {
            return Refusal.MissingField("content");
        }

        DateTimeOffset? sendAt = null;
        if (request.SendAt is not null)
        {
            var parsed = ProtoTime.Required(request.SendAt, "send_at");
            if (!parsed.Succeeded)
            {
                return parsed.Refusal;
            }

            sendAt = parsed.Value;
        }

        return Result<SendCommand>.Ok(new SendCommand(request.IdempotencyKey, content)
        {
            FallbackTemplate = request.FallbackTemplate?.ToDomain(),
            SendAt = sendAt,
        });
    }

    public static MarkReadCommand ToCommand(this V1.MarkReadRequest request) => new(request.MessageId, request.TypingIndicator);

    public static V1.MarkReadResponse ToProto(this MarkedRead marked) => new()
    {
        MessageId = marked.MessageId,
        TypingIndicator = marked.TypingIndicator,
        ReceivedAt = Timestamp.FromDateTimeOffset(marked.ReceivedAt),
        MarkedAt = Timestamp.FromDateTimeOffset(marked.MarkedAt),
    };
}
