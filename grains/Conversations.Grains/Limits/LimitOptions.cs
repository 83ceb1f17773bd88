using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Limits;

/// <summary>Meta's sending limits as we enforce them before Meta does ("Conversations:Limits").</summary>
public sealed class LimitOptions
{
    /// <summary>
    /// The messaging limit tier of a portfolio nobody set one for: 250, 2000, 10000, 100000 or unlimited. Meta starts
    /// new portfolios at 250, so that is the default that can never make Meta refuse.
    /// </summary>
    public string DefaultMessagingLimit { get; set; } = "250";

    /// <summary>The moving window of the messaging limit.</summary>
    public TimeSpan MessagingLimitWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Messages per second of a business number nobody configured (Meta's default).</summary>
    [Range(1, 1_000)]
    public int DefaultThroughputPerSecond { get; set; } = 80;

    /// <summary>The most a number may be configured for (Meta's upgraded throughput).</summary>
    [Range(1, 100_000)]
    public int MaxThroughputPerSecond { get; set; } = 1_000;

    /// <summary>
    /// How long a message may wait for its number's pace before it is refused with THROUGHPUT_LIMITED; the queue of a
    /// number holds this many seconds of its throughput. Long enough for a burst of 200 at Meta's default 80 per second.
    /// </summary>
    public TimeSpan MaxPacingDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How much later than another one, relative to their slots, a message may reach Meta without any one-second span
    /// there holding more than the number's throughput: slots are (1 s + margin) / throughput apart. It covers the work
    /// between a slot and Meta reading the request (the log write, the HTTP send, a late timer) and costs
    /// margin / (1 s + margin) of the rate: 4.8% at 50 ms, so a number offered exactly its throughput queues 48 ms more
    /// per second sent (3 s after a minute at 1,000 per second, inside <see cref="MaxPacingDelay"/>).
    /// </summary>
    public TimeSpan PacingMargin { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The margin of the first throughput's worth of slots after a second without any: a burst is admitted all at once,
    /// on the CPUs that dispatch its first messages, which reach Meta later than the ones after them. Costs once per
    /// burst: its first messages go at 1 s / (1 s + margin) of the rate.
    /// </summary>
    public TimeSpan PacingStartMargin { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The most business numbers one WABA may have registered at once: a guard of this service on what one tenant may
    /// hold, beside whatever Meta allows the business. Lowering it keeps the numbers a WABA has; it only refuses new ones.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBusinessNumbersPerWaba { get; set; } = 100;

    /// <summary>
    /// New conversations one WABA may open per minute with its own first message to a customer (a send or a scheduled
    /// send decided): a burst of this many, refilled evenly over each minute. A customer's first message (a webhook or
    /// RecordInbound) opens one whatever the quota, and messages in an open conversation never count. The default is a
    /// minute at Meta's highest throughput of a number (1,000 per second).
    /// </summary>
    [Range(1, 10_000_000)]
    public int NewConversationsPerMinute { get; set; } = 60_000;
}
