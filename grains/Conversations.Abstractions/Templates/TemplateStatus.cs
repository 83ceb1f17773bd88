namespace Conversations.Abstractions.Templates;

/// <summary>Meta's template lifecycle (message_template_status_update events). Only Approved may be sent.</summary>
[GenerateSerializer]
[Alias("template-status")]
public enum TemplateStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Paused = 4,
    Disabled = 5,
    InAppeal = 6,
    Flagged = 7,
    LimitExceeded = 8,
    Locked = 9,
    Archived = 10,
    Unarchived = 11,
    Deleted = 12,
    PendingDeletion = 13,
    Reinstated = 14,
}
