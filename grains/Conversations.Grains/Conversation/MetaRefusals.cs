using System.Globalization;
using Conversations.Abstractions.Meta;
using Conversations.Abstractions.Refusals;

namespace Conversations.Grains.Conversation;

public static class MetaRefusals
{
    /// <summary>Meta's failure as the refusal a caller receives, carrying Meta's own code and details.</summary>
    public static Refusal? Of(DispatchResult result) =>
        result.Accepted || result.Error is not { } error ? null : Of(result.ErrorClass ?? MetaErrorClass.Permanent, error, "WhatsApp did not take the message");

    /// <summary>Meta's failure of any call, <paramref name="what"/> saying what did not happen.</summary>
    public static Refusal Of(MetaErrorClass errorClass, MetaError error, string what)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = errorClass switch
        {
            MetaErrorClass.RateLimited => RefusalReason.MetaRateLimited,
            MetaErrorClass.Transient => RefusalReason.MetaUnavailable,
            MetaErrorClass.OutcomeUnknown => RefusalReason.MetaOutcomeUnknown,
            _ => RefusalReason.MetaRejected,
        };
        var metadata = new List<(string, string)> { ("meta_title", error.Title) };
        if (error.Code != 0)
        {
            metadata.Add(("whatsapp_code", error.Code.ToString(CultureInfo.InvariantCulture)));
        }

        if (error.Details is { Length: > 0 } details)
        {
            metadata.Add(("meta_details", details));
        }

        return Refusal.Of(reason, $"{what}: {error.Title}", [.. metadata]);
    }
}
