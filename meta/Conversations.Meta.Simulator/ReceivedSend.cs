using System.Text.Json.Nodes;

namespace Conversations.Meta.Simulator;

/// <summary>One send request as the simulator received it, and how it answered once it had.</summary>
public sealed class ReceivedSend(DateTimeOffset receivedAt, string apiVersion, string phoneNumberId, string? bearerToken, JsonNode? body)
{
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public string ApiVersion { get; } = apiVersion;

    public string PhoneNumberId { get; } = phoneNumberId;

    /// <summary>Kept in memory for tests to check; never logged or served.</summary>
    public string? BearerToken { get; } = bearerToken;

    /// <summary>The request body as JSON, or null when it was not JSON.</summary>
    public JsonNode? Body { get; } = body;

    /// <summary>0 until the simulator has answered (an injected delay may hold the answer back).</summary>
    public int StatusCode { get; private set; }

    public string? Wamid { get; private set; }

    public int? ErrorCode { get; private set; }

    internal void Answered(int statusCode, string? wamid, int? errorCode)
    {
        Wamid = wamid;
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }
}
