using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Wire;

namespace Conversations.Meta;

/// <summary>Meta's answer to one send request, read: the result for the caller plus what is only worth logging.</summary>
public sealed partial record SendAnswer(DispatchResult Result, string? WaId, string? FbTraceId)
{
    /// <summary>
    /// Reads <c>{"contacts":[{"input","wa_id"}],"messages":[{"id","message_status"}]}</c> or Meta's error body
    /// <c>{"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}</c>.
    /// </summary>
    public static SendAnswer Read(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        var response = TryParse(body);
        return (int)status is >= 200 and < 300 ? Accepted(status, response) : Refused(status, response);
    }

    private static SendAnswer Accepted(HttpStatusCode status, SendResponse? response)
    {
        if (response?.FirstMessage is not { Id: { Length: > 0 } wamid } message)
        {
            // Meta said yes but not to what: the message may well be on its way, so it must not be sent again.
            return new SendAnswer(
                DispatchResult.Failed(
                    MetaErrorClass.OutcomeUnknown,
                    new MetaError(0, "WhatsApp accepted the request but returned no message id.", $"HTTP {(int)status}")),
                null,
                null);
        }

        return new SendAnswer(DispatchResult.AcceptedAs(wamid, message.MessageStatus), response.FirstContact?.WaId, null);
    }

    private static SendAnswer Refused(HttpStatusCode status, SendResponse? response)
    {
        if (response?.Error is not { } error)
        {
            var title = $"HTTP {(int)status} {status}";
            return new SendAnswer(DispatchResult.Failed(MetaErrorClassifier.Classify(status, null), new MetaError(0, title, null)), null, null);
        }

        var message = error.Message ?? $"HTTP {(int)status}";
        var details = error.ErrorData?.Details ?? error.ErrorUserMsg;
        var metaError = new MetaError(error.Code ?? 0, CodePrefix().Replace(message, ""), details);
        return new SendAnswer(DispatchResult.Failed(MetaErrorClassifier.Classify(status, error.Code), metaError), null, error.FbtraceId);
    }

    private static SendResponse? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, CloudApiJsonContext.Default.SendResponse);
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy, a truncated body, or JSON that is not an object: classified by the HTTP
            // status alone.
            return null;
        }
    }

    /// <summary>Meta prefixes messages with the code, "(#131047) Re-engagement message"; the title is the rest.</summary>
    [GeneratedRegex(@"^\(#\d+\)\s*")]
    private static partial Regex CodePrefix();
}
