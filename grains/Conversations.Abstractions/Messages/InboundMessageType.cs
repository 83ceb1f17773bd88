namespace Conversations.Abstractions.Messages;

/// <summary>Meta's inbound message types. Persisted: never renumber.</summary>
[GenerateSerializer]
[Alias("inbound-message-type")]
public enum InboundMessageType
{
    Text = 1,
    Image = 2,
    Audio = 3,
    Video = 4,
    Document = 5,
    Sticker = 6,
    Location = 7,
    Contacts = 8,
    Interactive = 9,
    Button = 10,
    Order = 11,
    Reaction = 12,
    Call = 13,

    /// <summary>A message WhatsApp could not show the business ("unsupported", formerly "unknown"): the customer still wrote.</summary>
    Unsupported = 14,
}
