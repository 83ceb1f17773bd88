namespace Conversations.Grains.Limits;

[GenerateSerializer]
[Alias("messaging-limit-state")]
public sealed class MessagingLimitState
{
    /// <summary>The tier an operator set ("250" ... "unlimited"); null means the configured default.</summary>
    [Id(0)] public string? Tier { get; set; }

    /// <summary>Slots taken per minute (Unix minutes) that have not yet left the moving window.</summary>
    [Id(1)] public Dictionary<long, int> SlotsByMinute { get; set; } = [];
}
