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
    /// number holds this many seconds of its throughput.
    /// </summary>
    public TimeSpan MaxPacingDelay { get; set; } = TimeSpan.FromSeconds(2);
}
