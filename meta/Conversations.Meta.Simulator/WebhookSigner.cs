using System.Security.Cryptography;
using System.Text;

namespace Conversations.Meta.Simulator;

public static class WebhookSigner
{
    public const string Header = "X-Hub-Signature-256";

    /// <summary>Meta's <c>sha256=</c> followed by the lowercase hex HMAC-SHA256 of the raw body, keyed with the app secret.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
