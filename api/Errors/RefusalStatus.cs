using System.Text;
using Conversations.Abstractions.Refusals;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Conversations.Api.Errors;

/// <summary>The one mapping from a domain refusal to what a gRPC caller sees: status code, reason and WhatsApp code.</summary>
public static class RefusalStatus
{
    public static (StatusCode Code, string? WhatsAppCode) Of(RefusalReason reason) => reason switch
    {
        RefusalReason.MissingField => (StatusCode.InvalidArgument, null),
        RefusalReason.FieldTooLong => (StatusCode.InvalidArgument, null),
        RefusalReason.InvalidCustomer => (StatusCode.InvalidArgument, null),
        RefusalReason.InvalidBusinessNumberId => (StatusCode.InvalidArgument, null),
        RefusalReason.InvalidWabaId => (StatusCode.InvalidArgument, null),
        RefusalReason.InvalidMessageType => (StatusCode.InvalidArgument, null),
        RefusalReason.InvalidTimestamp => (StatusCode.InvalidArgument, null),
        RefusalReason.UnknownBusinessNumber => (StatusCode.NotFound, null),
        RefusalReason.BusinessNumberConflict => (StatusCode.AlreadyExists, null),
        RefusalReason.WindowClosed => (StatusCode.FailedPrecondition, "131047"),
        RefusalReason.TextTooLong => (StatusCode.InvalidArgument, null),
        RefusalReason.TemplateNotFound => (StatusCode.NotFound, "132001"),
        RefusalReason.TemplateNotApproved => (StatusCode.FailedPrecondition, null),
        RefusalReason.TemplateParameterMismatch => (StatusCode.InvalidArgument, "132000"),
        RefusalReason.TemplateInvalid => (StatusCode.InvalidArgument, null),
        RefusalReason.IdempotencyConflict => (StatusCode.AlreadyExists, null),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Every refusal reason needs a gRPC mapping."),
    };

    /// <summary>WINDOW_CLOSED for WindowClosed: the spelling clients switch on.</summary>
    public static string ReasonName(RefusalReason reason)
    {
        var name = reason.ToString();
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                snake.Append('_');
            }

            snake.Append(char.ToUpperInvariant(name[i]));
        }

        return snake.ToString();
    }

    public static RpcException ToRpcException(this Refusal refusal)
    {
        var (code, whatsAppCode) = Of(refusal.Reason);
        var info = new ErrorInfo { Reason = ReasonName(refusal.Reason), Domain = ErrorDomain.Name };
        foreach (var (key, value) in refusal.Metadata)
        {
            info.Metadata[key] = value;
        }

        if (whatsAppCode is not null)
        {
            info.Metadata["whatsapp_code"] = whatsAppCode;
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = refusal.Message,
            Details = { Any.Pack(info) },
        };
        return status.ToRpcException();
    }
}
