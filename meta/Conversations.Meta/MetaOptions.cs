namespace Conversations.Meta;

/// <summary>How to reach the WhatsApp Cloud API and how hard to try. Bound from "Conversations:Meta"; see <see cref="MetaOptionsValidator"/>.</summary>
public sealed class MetaOptions
{
    public const string Section = "Conversations:Meta";

    /// <summary>Meta's system-user token. Empty means "use the local simulator" where the host supports it; never logged.</summary>
    public string AccessToken { get; set; } = "";

    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    public string ApiVersion { get; set; } = "v25.0";

    /// <summary>
    /// "1.1" (default); "2": HTTP/2 where TLS negotiates it, falling back to HTTP/1.1; "h2c": HTTP/2 without TLS, only
    /// to a plain-http GraphBaseUrl that serves it (see <see cref="GraphHttpVersion"/>).
    /// </summary>
    public string HttpVersion { get; set; } = GraphHttpVersion.Http11;

    /// <summary>How long to wait for a TCP connection; a connect that fails never reached Meta, so it is retried.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one request may wait for Meta's answer; past it the outcome is unknown and the message is not resent.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// No new attempt starts after this much time. An attempt in flight still runs to its own timeout, so a send takes at
    /// most TotalTimeout + AttemptTimeout: keep that under Orleans' grain call timeout (30 s by default).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after 131000, 131016, 5xx or a failed connect.</summary>
    public int TransientRetries { get; set; } = 3;

    public TimeSpan TransientBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Retries after 130429 (throughput) or 131056 (pair rate): fewer and longer apart than transient ones.</summary>
    public int RateLimitedRetries { get; set; } = 2;

    public TimeSpan RateLimitedBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public Uri MessagesBaseAddress => new($"{GraphBaseUrl.TrimEnd('/')}/{ApiVersion}/");
}
