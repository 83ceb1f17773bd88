using System.ComponentModel.DataAnnotations;

namespace Conversations.Api.Webhooks;

/// <summary>How Meta's webhooks are authenticated and bounded. Bound from "Conversations:Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Conversations:Webhooks";

    /// <summary>Meta's largest webhook payload.</summary>
    public const int MetaMaxBodyBytes = 3 * 1024 * 1024;

    /// <summary>The appsettings.json default, so a local run (with the Meta simulator) works out of the box; never for a real app.</summary>
    public const string LocalDevelopmentSecret = "local-dev-secret";

    /// <summary>The appsettings.json default verify token; public like the secret, so refused with a real Meta access token.</summary>
    public const string LocalDevelopmentVerifyToken = "local-dev-verify-token";

    /// <summary>The token entered in Meta's app dashboard; Meta echoes it in the verification handshake.</summary>
    [Required(AllowEmptyStrings = false)]
    public string VerifyToken { get; set; } = "";

    /// <summary>The Meta app secret every POST is signed with (X-Hub-Signature-256). Never logged.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AppSecret { get; set; } = "";

    /// <summary>Bodies above this are refused with 413 before they are buffered.</summary>
    [Range(1024, MetaMaxBodyBytes)]
    public int MaxBodyBytes { get; set; } = MetaMaxBodyBytes;

    /// <summary>
    /// POSTs handled at once; more are answered 429 at once, and Meta retries them. Each holds at most its body
    /// (<see cref="MaxBodyBytes"/>) and one dispatch to the cluster.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 128;

    /// <summary>At most one log line per reason a webhook is refused for in this interval; the next says how many it left out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RejectionLogInterval { get; set; } = TimeSpan.FromMinutes(1);
}
