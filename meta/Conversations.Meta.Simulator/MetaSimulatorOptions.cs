namespace Conversations.Meta.Simulator;

/// <summary>The local Meta simulator. Bound from "Conversations:Meta:Simulator"; the signing secret from "Conversations:Webhooks:AppSecret".</summary>
public sealed class MetaSimulatorOptions
{
    public const string Section = "Conversations:Meta:Simulator";

    /// <summary>Whether the api hosts the simulator when no access token is configured.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the simulator listens; port 0 picks a free one (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:5081";

    /// <summary>Where it posts status and message webhooks, as Meta would.</summary>
    public string WebhookUrl { get; set; } = "http://localhost:5080/webhooks/whatsapp";

    /// <summary>The app secret webhooks are signed with (X-Hub-Signature-256).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Offsets from acceptance at which the sent, delivered and read statuses are posted.</summary>
    public TimeSpan SentDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan DeliveredDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReadDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most statuses one webhook carries; 1 posts each status on its own.</summary>
    public int StatusBatchSize { get; set; } = 100;

    /// <summary>How long a due status waits for others to share its webhook.</summary>
    public TimeSpan StatusBatchDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Status webhooks posted at once; each conversation's statuses always go through the same one, in order.</summary>
    public int StatusPostsInFlight { get; set; } = 4;

    /// <summary>Tries per webhook before the simulator gives up on it (Meta itself retries for days).</summary>
    public int WebhookAttempts { get; set; } = 4;

    /// <summary>First pause between webhook tries; doubles after each.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The customer service window the simulator enforces with its own 131047.</summary>
    public TimeSpan WindowDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The WABA id put in webhook envelopes for numbers no simulated inbound named one for.</summary>
    public string WabaId { get; set; } = "0";

    /// <summary>Pricing category reported per template name (marketing, utility, authentication); the simulator has no template registry.</summary>
    public Dictionary<string, string> TemplateCategories { get; set; } = new(StringComparer.Ordinal);

    public string DefaultTemplateCategory { get; set; } = "utility";

    /// <summary>How many received sends the simulator remembers for inspection.</summary>
    public int ReceivedCapacity { get; set; } = 1000;

    /// <summary>
    /// How many arrival times of send requests the simulator keeps per phone-number id (<c>GET /simulator/received</c>):
    /// a minute and a half at Meta's highest throughput, 1,000 per second.
    /// </summary>
    public int ArrivalsPerNumber { get; set; } = 100_000;

    /// <summary>From this date service messages beyond the monthly allowance are reported as charged (Meta's October 2026 model).</summary>
    public DateOnly ServiceChargedFrom { get; set; } = new(2026, 10, 1);

    /// <summary>Free service messages per business number per UTC month from <see cref="ServiceChargedFrom"/>.</summary>
    public int FreeServiceMessagesPerMonth { get; set; } = 1000;

    /// <summary>Messages per second Meta lets a number send (130429 beyond): 80 to start, 1,000 after Meta's upgrade.</summary>
    public int DefaultThroughputPerSecond { get; set; } = 80;

    /// <summary>Business numbers by phone-number id: their WABA and throughput (also <c>POST /simulator/numbers</c>).</summary>
    public Dictionary<string, SimulatedNumberOptions> Numbers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Messages from one number to one customer at once before Meta's pair rate (131056) refuses more.</summary>
    public int PairRateBurst { get; set; } = 45;

    /// <summary>How often the pair rate gives one more message to a customer.</summary>
    public TimeSpan PairRateInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Comma-separated regions (ISO codes) whose numbers Meta does not deliver marketing templates to: such a send is
    /// accepted, then fails with 131049. Empty: none.
    /// </summary>
    public string MarketingUndeliveredRegions { get; set; } = "US";

    /// <summary>How long a submitted template stays PENDING before its review completes.</summary>
    public TimeSpan TemplateReviewDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What a review decides: APPROVED or REJECTED (others Meta has: PAUSED, DISABLED, ... are taken as given).</summary>
    public string TemplateReviewOutcome { get; set; } = "APPROVED";

    /// <summary>The <c>reason</c> of the review's status webhook when it did not approve.</summary>
    public string TemplateRejectionReason { get; set; } = "INVALID_FORMAT";
}
