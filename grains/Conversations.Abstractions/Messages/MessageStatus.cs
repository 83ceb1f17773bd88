namespace Conversations.Abstractions.Messages;

/// <summary>Where a message stands. Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("message-status")]
public enum MessageStatus
{
    /// <summary>Decided and accepted for sending.</summary>
    Accepted = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Failed = 5,

    /// <summary>Held until its send time; decided then.</summary>
    Scheduled = 6,
    Cancelled = 7,
}
