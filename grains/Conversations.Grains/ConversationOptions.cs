using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains;

/// <summary>The numbers of the WhatsApp rules; Meta changes them, so none is a literal in the code.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    private const string DefaultMarketingBlockedRegions = "US";

    private string _marketingBlockedRegions = DefaultMarketingBlockedRegions;

    /// <summary>How long the customer service window lasts after the customer's most recent message.</summary>
    public TimeSpan WindowDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Closes the window early for free-form sends, against Meta's known early 131047 failures.</summary>
    public TimeSpan FreeFormSafetyMargin { get; set; } = TimeSpan.Zero;

    /// <summary>Meta does not say whether a reaction opens the window; off unless configured.</summary>
    public bool ReactionsOpenWindow { get; set; }

    /// <summary>How long before the window ends subscribers get "window closing soon"; zero turns it off.</summary>
    public TimeSpan ClosingSoonLeadTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Period of the expiry reminder after its first tick; Orleans' minimum is one minute.</summary>
    public TimeSpan ExpiryReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long each conversation remembers an inbound message id to drop Meta's redeliveries: Meta retries a webhook it
    /// saw no 200 for during up to 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan InboundDedupeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// At most this many inbound message ids each conversation remembers within <see cref="InboundDedupeWindow"/>; past it
    /// the oldest are forgotten (and logged). 12 bytes each in the state every inbound rewrites (<see cref="Conversation.InboundIds"/>).
    /// </summary>
    [Range(1, 10_000)]
    public int InboundIdsRemembered { get; set; } = 1_000;

    /// <summary>
    /// How many messages each conversation's log keeps, and so for how many sends an idempotency key is honoured.
    /// Scheduled sends are never dropped from it before they are decided.
    /// </summary>
    [Range(1, 100_000)]
    public int MessageLogCapacity { get; set; } = 256;

    /// <summary>
    /// How many records each conversation's message log store keeps. A message leaves a record per change (its intent,
    /// Meta's answer, each batch of statuses that moved it), so this is several times <see cref="MessageLogCapacity"/>;
    /// once trimmed, an old message is still shown by its latest record if that one is retained.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MessageLogRecords { get; set; } = 1_536;

    /// <summary>
    /// Webhook events each business number keeps that were acknowledged to Meta but could not be applied (dead letters,
    /// read with ListDeadLetters); past it the oldest are dropped.
    /// </summary>
    [Range(1, 100_000)]
    public int DeadLettersPerNumber { get; set; } = 1_000;

    /// <summary>How much of each dead letter's event, as Meta sent it, is kept, in characters; the rest is cut.</summary>
    [Range(256, 1_048_576)]
    public int DeadLetterEventChars { get; set; } = 16_384;

    /// <summary>Scheduled, undecided sends one conversation may hold; each is stored in its state.</summary>
    [Range(1, 10_000)]
    public int MaxScheduledSends { get; set; } = 100;

    /// <summary>How far ahead a send may be scheduled.</summary>
    public TimeSpan MaxScheduleAhead { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Period of the scheduled-send reminder after its first tick.</summary>
    public TimeSpan ScheduledSendReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a template stays paused the first time low quality pauses it.</summary>
    public TimeSpan FirstTemplatePause { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How long a template stays paused the second time; the third pause disables it.</summary>
    public TimeSpan SecondTemplatePause { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long the free entry point window lasts from the business's reply to an ad or Page-button customer.</summary>
    public TimeSpan FreeEntryPointDuration { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long marketing to a customer is held back after Meta's ecosystem cap (131049).</summary>
    public TimeSpan MarketingSuppression { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Messages to one customer: a burst this large, borrowing future quota ...</summary>
    [Range(1, 10_000)]
    public int PairRateBurst { get; set; } = 45;

    /// <summary>... refilled at one message per this interval (Meta's 131056 pair rate).</summary>
    public TimeSpan PairRateInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Comma-separated regions (ISO codes) where Meta does not deliver marketing templates; the US since April 2025.
    /// A string, not a list, so configuration can empty it (a bound list would only append to the default).
    /// </summary>
    public string MarketingBlockedRegions
    {
        get => _marketingBlockedRegions;
        set
        {
            _marketingBlockedRegions = value;
            BlockedMarketingRegions = Parse(value);
        }
    }

    /// <summary><see cref="MarketingBlockedRegions"/> as a set, parsed once when the options bind rather than on every send.</summary>
    public IReadOnlySet<string> BlockedMarketingRegions { get; private set; } = Parse(DefaultMarketingBlockedRegions);

    public ContentLimits Content { get; set; } = new();

    public Templates.TemplateLimits Templates { get; set; } = new();

    /// <summary>
    /// How often a WABA synced once with Meta (SyncTemplates) is synced again, so its registry stays equal to Meta's view;
    /// zero (the default) never again. At least a minute, Orleans' shortest reminder.
    /// </summary>
    public TimeSpan TemplateSyncInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Per-message pricing: the rate card, the pricing models' dates and the ledger's bounds.</summary>
    public Pricing.PricingOptions Pricing { get; set; } = new();

    /// <summary>The messaging limit and throughput enforced before Meta.</summary>
    public Limits.LimitOptions Limits { get; set; } = new();

    /// <summary>What marketing sends on a number of falling quality do ("Conversations:QualityGuard").</summary>
    public Signals.QualityGuardOptions QualityGuard { get; set; } = new();

    [Range(1, 1024)]
    public int MaxIdempotencyKeyLength { get; set; } = 128;

    [Range(1, 4096)]
    public int MaxMessageIdLength { get; set; } = 256;

    private static FrozenSet<string> Parse(string? regions) =>
        (regions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
