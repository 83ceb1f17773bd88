using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Conversations.Api.Tests.Webhooks;

/// <summary>Meta's side of the webhook: signs bodies with the app secret and POSTs them to the api over its test server.</summary>
public sealed class MetaWebhook(ApiFactory api)
{
    public const string Path = "/webhooks/whatsapp";

    private readonly HttpClient _http = api.CreateClient();

    public async Task<HttpStatusCode> Post(JsonNode payload) => (await Send(payload.ToJsonString())).StatusCode;

    public Task<HttpResponseMessage> Send(string body) => Send(Encoding.UTF8.GetBytes(body));

    public Task<HttpResponseMessage> Send(byte[] body) => Send(body, Sign(body));

    /// <summary>Posts <paramref name="body"/> with exactly <paramref name="signature"/> as X-Hub-Signature-256 (none when null).</summary>
    public async Task<HttpResponseMessage> Send(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Verify(string query) => _http.GetAsync(Path + query);

    /// <summary>Computed here rather than by the api's own code, so a bug there cannot make both sides agree.</summary>
    public static string Sign(byte[] body, string secret = ApiFactory.WebhookAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
