using System.Text.Json.Serialization;

namespace Conversations.Meta.Wire;

/// <summary>
/// Source-generated JSON for everything the Cloud API client writes and reads: no reflection on the send path. Meta's
/// names are snake_case; properties left out when null say so where they are declared.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MessageRequest))]
[JsonSerializable(typeof(SendResponse))]
[JsonSerializable(typeof(ResponseContact))]
[JsonSerializable(typeof(ResponseMessage))]
[JsonSerializable(typeof(ResponseError))]
[JsonSerializable(typeof(ResponseErrorData))]
internal sealed partial class CloudApiJsonContext : JsonSerializerContext;
