using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Conversations.LoadTest.Relay;

/// <summary>
/// The relay's one outbound call: POST the text to the Meta simulator's send endpoint as Meta takes it, read the wamid.
/// A bare HttpClient over one pooled handler: no retries, no logging handlers, no per-request timer of its own.
/// </summary>
public sealed class MetaRelayClient : IDisposable
{
    public const string ApiVersion = "v25.0";

    private readonly HttpClient _http;

    public MetaRelayClient(Uri meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseProxy = false })
        {
            BaseAddress = new Uri(meta, $"{ApiVersion}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        // The simulator only checks that there is a token.
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "relay-floor");
    }

    /// <summary>Meta's wamid for the accepted message; Meta's refusal or an unreachable Meta as an <see cref="RpcException"/>.</summary>
    public async Task<string> SendTextAsync(string phoneNumberId, string to, string body, bool previewUrl, CancellationToken cancellationToken)
    {
        var message = new MetaTextMessage("whatsapp", "individual", to, "text", new MetaText(body, previewUrl));
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync($"{Uri.EscapeDataString(phoneNumberId)}/messages", message, MetaWireJson.Default.MetaTextMessage, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, $"Meta not reached: {e.Message}"));
        }

        using (response)
        {
            if (response.IsSuccessStatusCode
                && await response.Content.ReadFromJsonAsync(MetaWireJson.Default.MetaSendAnswer, cancellationToken) is { Messages: [{ Id: { Length: > 0 } wamid }, ..] })
            {
                return wamid;
            }

            throw await RefusalAsync(response, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Meta's error code as the ErrorInfo reason (META_131047), so the load tester counts refusals by code.</summary>
    private static async Task<RpcException> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        MetaError? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync(MetaWireJson.Default.MetaErrorAnswer, cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            // Not Meta's JSON (a proxy's page, a bare 5xx): the HTTP status alone says what happened.
        }

        var code = (int)response.StatusCode >= 500 ? Code.Unavailable : Code.FailedPrecondition;
        var reason = error is { } e ? $"META_{e.Code}" : $"HTTP_{(int)response.StatusCode}";
        return new Google.Rpc.Status
        {
            Code = (int)code,
            Message = $"Meta answered {(int)response.StatusCode}: {error?.Message ?? response.ReasonPhrase}",
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = "relay" }) },
        }.ToRpcException();
    }
}
