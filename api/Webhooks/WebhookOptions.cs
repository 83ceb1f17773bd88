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

    /// <summary>The token entered in Meta's app dashboard; Meta echoes it in the verification handshake.</summary>
    [Required(AllowEmptyStrings = false)]
    public string VerifyToken { get; set; } = "";

    /// <summary>The Meta app secret every POST is signed with (X-Hub-Signature-256). Never logged.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AppSecret { get; set; } = "";

    /// <summary>Bodies above this are refused with 413 before they are buffered.</summary>
    [Range(1024, MetaMaxBodyBytes)]
    public int MaxBodyBytes { get; set; } = MetaMaxBodyBytes;
}
