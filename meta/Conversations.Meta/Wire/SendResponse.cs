using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>
/// Meta's answer to a send, <c>{"contacts":[{"input","wa_id"}],"messages":[{"id","message_status"}]}</c> or
/// <c>{"error":{"message","type","code","error_data":{"details"},"error_user_msg","fbtrace_id"}}</c>, read leniently:
/// a part of an unexpected kind reads as absent, so it never costs the parts that can be read (a wamid above all).
/// </summary>
internal sealed class SendResponse
{
    [JsonPropertyName("contacts")]
    [JsonConverter(typeof(FirstObjectConverter<ResponseContact>))]
    public ResponseContact? FirstContact { get; init; }

    [JsonPropertyName("messages")]
    [JsonConverter(typeof(FirstObjectConverter<ResponseMessage>))]
    public ResponseMessage? FirstMessage { get; init; }

    [JsonConverter(typeof(LenientObjectConverter<ResponseError>))]
    public ResponseError? Error { get; init; }
}

internal sealed class ResponseContact
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? WaId { get; init; }
}

internal sealed class ResponseMessage
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? MessageStatus { get; init; }
}

internal sealed class ResponseError
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Message { get; init; }

    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Code { get; init; }

    [JsonConverter(typeof(LenientObjectConverter<ResponseErrorData>))]
    public ResponseErrorData? ErrorData { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ErrorUserMsg { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? FbtraceId { get; init; }
}

internal sealed class ResponseErrorData
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Details { get; init; }
}
