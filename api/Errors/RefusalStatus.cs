using Conversations.Abstractions.Refusals;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using V1 = Conversations.V1;

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
        RefusalReason.TemplateNotApproved => (StatusCode.FailedPrecondition, "132001"),
        RefusalReason.TemplateParameterMismatch => (StatusCode.InvalidArgument, "132000"),
        RefusalReason.TemplateInvalid => (StatusCode.InvalidArgument, null),
        RefusalReason.IdempotencyConflict => (StatusCode.AlreadyExists, null),
        RefusalReason.InvalidField => (StatusCode.InvalidArgument, null),
        RefusalReason.TooManyItems => (StatusCode.InvalidArgument, null),
        RefusalReason.TemplatePaused => (StatusCode.FailedPrecondition, "132015"),
        RefusalReason.TemplateDisabled => (StatusCode.FailedPrecondition, "132016"),
        RefusalReason.TemplateParameterFormat => (StatusCode.InvalidArgument, "132012"),
        RefusalReason.TemplateTextTooLong => (StatusCode.InvalidArgument, "132005"),
        RefusalReason.ScheduledSendNotFound => (StatusCode.NotFound, null),
        RefusalReason.TooManyScheduledSends => (StatusCode.ResourceExhausted, null),
        RefusalReason.NotCancellable => (StatusCode.FailedPrecondition, null),
        // Meta's own code travels in the refusal's metadata for these four.
        RefusalReason.MetaRejected => (StatusCode.FailedPrecondition, null),
        RefusalReason.MetaRateLimited => (StatusCode.ResourceExhausted, null),
        RefusalReason.MetaUnavailable => (StatusCode.Unavailable, null),
        RefusalReason.MetaOutcomeUnknown => (StatusCode.Unknown, null),
        RefusalReason.MarketingOptedOut => (StatusCode.PermissionDenied, "131050"),
        RefusalReason.MarketingSuppressed => (StatusCode.FailedPrecondition, "131049"),
        RefusalReason.MarketingRegionBlocked => (StatusCode.FailedPrecondition, null),
        RefusalReason.PairRateLimited => (StatusCode.ResourceExhausted, "131056"),
        RefusalReason.MessagingLimitReached => (StatusCode.ResourceExhausted, "131064"),
        RefusalReason.ThroughputLimited => (StatusCode.ResourceExhausted, "130429"),
        RefusalReason.UserIdRecipientUnsupported => (StatusCode.FailedPrecondition, "131062"),
        RefusalReason.CustomerIdsDisagree => (StatusCode.FailedPrecondition, null),
        // MarkRead: Meta answers an id it cannot mark read with 131009 (parameter value not valid).
        RefusalReason.MessageNotInbound => (StatusCode.InvalidArgument, "131009"),
        RefusalReason.MessageNotFound => (StatusCode.NotFound, "131009"),
        RefusalReason.MessageTooOldToMarkRead => (StatusCode.FailedPrecondition, "131009"),

        // The caller's identity (api/Auth).
        RefusalReason.TokenMissing => (StatusCode.Unauthenticated, null),
        RefusalReason.TokenInvalid => (StatusCode.Unauthenticated, null),
        RefusalReason.CertificateInvalid => (StatusCode.Unauthenticated, null),
        RefusalReason.ScopeMissing => (StatusCode.PermissionDenied, null),
        RefusalReason.WabaNotAllowed => (StatusCode.PermissionDenied, null),
        RefusalReason.PortfolioNotAllowed => (StatusCode.PermissionDenied, null),

        // A tenant's quotas and a caller's rate.
        RefusalReason.NumberQuotaExceeded => (StatusCode.ResourceExhausted, null),
        RefusalReason.ConversationQuotaExceeded => (StatusCode.ResourceExhausted, null),
        RefusalReason.RateLimited => (StatusCode.ResourceExhausted, null),
        // What one call may hold of the api's streams (api/Streaming, grains/.../Events/SubscribeCursor.cs).
        RefusalReason.StreamsExhausted => (StatusCode.ResourceExhausted, null),
        RefusalReason.ReplayTooLarge => (StatusCode.ResourceExhausted, null),
        // Meta's account signals (grains/.../Signals). The caller may send; the WABA or number may not until Meta's state
        // changes, which no retry of the call brings about: a precondition, not the caller's permission.
        RefusalReason.AccountRestricted => (StatusCode.FailedPrecondition, null),
        RefusalReason.AccountBanned => (StatusCode.FailedPrecondition, "131031"),
        RefusalReason.QualityGuardPaused => (StatusCode.FailedPrecondition, null),
        RefusalReason.QualityGuardSlowed => (StatusCode.ResourceExhausted, null),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Every refusal reason needs a gRPC mapping."),
    };

    /// <summary>WINDOW_CLOSED for WindowClosed: the spelling clients switch on.</summary>
    public static string ReasonName(RefusalReason reason) => RefusalNames.Of(reason);

    public static string UpperSnake(string name) => RefusalNames.UpperSnake(name);

    /// <summary>
    /// The longest message and metadata value a caller is sent. Rules repeat a caller's input only as
    /// <see cref="FieldRules.Echo"/>; this holds whatever a rule quotes, so no refusal becomes kilobytes of trailers.
    /// </summary>
    public const int MaxMessageLength = 1024;

    public const int MaxMetadataValueLength = 256;

    /// <summary>The message a caller sees, at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string MessageOf(Refusal refusal) => FieldRules.Echo(refusal.Message, MaxMessageLength);

    /// <summary>The metadata a caller sees: the refusal's own facts plus Meta's code where there is one.</summary>
    public static Dictionary<string, string> MetadataOf(Refusal refusal)
    {
        var metadata = refusal.Metadata.ToDictionary(m => m.Key, m => FieldRules.Echo(m.Value, MaxMetadataValueLength), StringComparer.Ordinal);
        if (Of(refusal.Reason).WhatsAppCode is { } whatsAppCode)
        {
            metadata["whatsapp_code"] = whatsAppCode;
        }

        return metadata;
    }

    /// <summary>The same facts as the error Send would raise, for responses that carry a refusal in their body.</summary>
    public static V1.Refusal ToProto(this Refusal refusal)
    {
        var (code, _) = Of(refusal.Reason);
        var metadata = MetadataOf(refusal);
        return new V1.Refusal
        {
            Reason = ReasonName(refusal.Reason),
            Message = MessageOf(refusal),
            Status = UpperSnake(code.ToString()),
            // Meta's own code (META_* reasons) travels in the metadata; the fixed table knows the rest.
            WhatsappCode = metadata.GetValueOrDefault("whatsapp_code", ""),
            Metadata = { metadata },
        };
    }

    public static RpcException ToRpcException(this Refusal refusal) => refusal.ToStatus().ToRpcException();

    /// <summary>The google.rpc.Status a caller receives: the code, the message and one ErrorInfo.</summary>
    public static Google.Rpc.Status ToStatus(this Refusal refusal)
    {
        var (code, _) = Of(refusal.Reason);
        var info = new ErrorInfo { Reason = ReasonName(refusal.Reason), Domain = ErrorDomain.Name, Metadata = { MetadataOf(refusal) } };
        return new Google.Rpc.Status
        {
            Code = (int)code,
            Message = MessageOf(refusal),
            Details = { Any.Pack(info) },
        };
    }
}
