using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Abstractions.Meta;

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
        var json = TryParse(body);
        try
        {
            return (int)status is >= 200 and < 300 ? Accepted(status, json) : Refused(status, json);
        }
        finally
        {
            json?.Dispose();
        }
    }

    private static SendAnswer Accepted(HttpStatusCode status, JsonDocument? json)
    {
        var root = json?.RootElement;
        var message = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("messages", out var messages)
            && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            ? messages[0]
            : (JsonElement?)null;
        var wamid = message is { } m ? String(m, "id") : null;
        if (string.IsNullOrEmpty(wamid))
        {
            // Meta said yes but not to what: the message may well be on its way, so it must not be sent again.
            return new SendAnswer(
                DispatchResult.Failed(
                    MetaErrorClass.OutcomeUnknown,
                    new MetaError(0, "WhatsApp accepted the request but returned no message id.", $"HTTP {(int)status}")),
                null,
                null);
        }

        string? waId = null;
        if (root is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("contacts", out var contacts)
            && contacts.ValueKind == JsonValueKind.Array && contacts.GetArrayLength() > 0)
        {
            waId = String(contacts[0], "wa_id");
        }

        return new SendAnswer(DispatchResult.AcceptedAs(wamid, String(message!.Value, "message_status")), waId, null);
    }

    private static SendAnswer Refused(HttpStatusCode status, JsonDocument? json)
    {
        if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            var title = $"HTTP {(int)status} {status}";
            return new SendAnswer(DispatchResult.Failed(MetaErrorClassifier.Classify(status, null), new MetaError(0, title, null)), null, null);
        }

        int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        var message = String(error, "message") ?? $"HTTP {(int)status}";
        var details = error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object
            ? String(data, "details")
            : null;
        details ??= String(error, "error_user_msg");
        var metaError = new MetaError(code ?? 0, CodePrefix().Replace(message, ""), details);
        return new SendAnswer(DispatchResult.Failed(MetaErrorClassifier.Classify(status, code), metaError), null, String(error, "fbtrace_id"));
    }

    private static JsonDocument? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy, or a truncated body: classified by the HTTP status alone.
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Meta prefixes messages with the code, "(#131047) Re-engagement message"; the title is the rest.</summary>
    [GeneratedRegex(@"^\(#\d+\)\s*")]
    private static partial Regex CodePrefix();
}
