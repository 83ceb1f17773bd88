using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains;

/// <summary>The numbers of the WhatsApp rules; Meta changes them, so none is a literal in the code.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>How long the customer service window lasts after the customer's most recent message.</summary>
    public TimeSpan WindowDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Closes the window early for free-form sends, against Meta's known early 131047 failures.</summary>
    public TimeSpan FreeFormSafetyMargin { get; set; } = TimeSpan.Zero;

    /// <summary>Meta does not say whether a reaction opens the window; off unless configured.</summary>
    public bool ReactionsOpenWindow { get; set; }

    /// <summary>Period of the expiry reminder after its first tick; Orleans' minimum is one minute.</summary>
    public TimeSpan ExpiryReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many inbound message ids each conversation remembers to drop Meta's redeliveries.</summary>
    [Range(1, 10_000)]
    public int InboundIdsRemembered { get; set; } = 64;

    /// <summary>How many sends each conversation remembers, and so for how many sends an idempotency key is honoured.</summary>
    [Range(1, 100_000)]
    public int SendsRemembered { get; set; } = 256;

    [Range(1, 65_536)]
    public int MaxTextLength { get; set; } = 4096;

    [Range(1, 1024)]
    public int MaxIdempotencyKeyLength { get; set; } = 128;

    [Range(1, 4096)]
    public int MaxMessageIdLength { get; set; } = 256;
}
