namespace Conversations.Api.RateLimiting;

/// <summary>
/// How many gRPC calls one caller may make to one api process ("Conversations:Api:RateLimit"): a token bucket of
/// <see cref="Burst"/> calls, given <see cref="PermitsPerSecond"/> more once a second.
/// </summary>
public sealed class CallerRateLimitOptions
{
    public const string Section = "Conversations:Api:RateLimit";

    public const int MaxPermits = 1_000_000;

    /// <summary>Calls per second a caller may keep up: twice what one business number may send at Meta's highest throughput.</summary>
    public int PermitsPerSecond { get; set; } = 2_000;

    /// <summary>Calls a caller may make at once after a quiet spell; at least <see cref="PermitsPerSecond"/>.</summary>
    public int Burst { get; set; } = 4_000;
}
