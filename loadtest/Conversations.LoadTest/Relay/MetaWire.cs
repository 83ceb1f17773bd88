using System.Text.Json.Serialization;

namespace Conversations.LoadTest.Relay;

/// <summary>The Cloud API's text message, as Meta takes it on POST /{version}/{phone-number-id}/messages.</summary>
public sealed record MetaTextMessage(
    [property: JsonPropertyName("messaging_product")] string MessagingProduct,
    [property: JsonPropertyName("recipient_type")] string RecipientType,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] MetaText Text);

public sealed record MetaText(
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("preview_url")] bool PreviewUrl);

/// <summary>Meta's answer to an accepted send: the message's wamid.</summary>
public sealed record MetaSendAnswer([property: JsonPropertyName("messages")] IReadOnlyList<MetaMessageId>? Messages);

public sealed record MetaMessageId([property: JsonPropertyName("id")] string? Id);

/// <summary>Meta's error envelope: {"error": {"code": 131047, "message": ...}}.</summary>
public sealed record MetaErrorAnswer([property: JsonPropertyName("error")] MetaError? Error);

public sealed record MetaError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>Source-generated, so the floor spends no reflection on its JSON.</summary>
[JsonSerializable(typeof(MetaTextMessage))]
[JsonSerializable(typeof(MetaSendAnswer))]
[JsonSerializable(typeof(MetaErrorAnswer))]
public sealed partial class MetaWireJson : JsonSerializerContext;
