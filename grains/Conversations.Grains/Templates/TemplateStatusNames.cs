using Conversations.Abstractions.Templates;

namespace Conversations.Grains.Templates;

/// <summary>Meta's spelling of each status (APPROVED, IN_APPEAL, ...), used in refusal metadata and webhooks.</summary>
public static class TemplateStatusNames
{
    public static string Of(TemplateStatus status) => status switch
    {
        TemplateStatus.InAppeal => "IN_APPEAL",
        TemplateStatus.LimitExceeded => "LIMIT_EXCEEDED",
        TemplateStatus.PendingDeletion => "PENDING_DELETION",
        _ => status.ToString().ToUpperInvariant(),
    };
}
