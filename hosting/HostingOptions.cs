using System.ComponentModel.DataAnnotations;

namespace Conversations.Hosting;

/// <summary>How a process joins the cluster. Bound from "Conversations:Hosting"; Redis comes from ConnectionStrings:Redis.</summary>
public sealed class HostingOptions
{
    public const string Section = "Conversations:Hosting";

    public HostingMode Mode { get; set; } = HostingMode.Silo;

    [Required(AllowEmptyStrings = false)]
    public string ClusterId { get; set; } = "conversations";

    /// <summary>Part of every Redis key Orleans writes; changing it orphans stored state.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ServiceId { get; set; } = "conversations";

    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11_111;

    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30_000;

    /// <summary>
    /// Host name or address other silos reach this one at. Empty picks this machine's address; in containers set it
    /// to the container's own host name, never to a shared service name.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>
    /// How long a conversation may sit idle before its activation is collected. Its expiry reminder, not its
    /// activation, keeps the window, so an idle activation only costs memory (about 5 KB each), and Orleans' default
    /// of two hours would keep every conversation of the last two hours in memory. Orleans requires more than its
    /// one-minute collection quantum.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:01", "1.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a Redis command or connect may take before it fails (<see cref="RedisClientOptions"/>), and so about how
    /// long a call waits before it is answered UNAVAILABLE when Redis hangs; with Redis down, calls fail at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RedisTimeout { get; set; } = DefaultRedisTimeout;

    public static TimeSpan DefaultRedisTimeout => TimeSpan.FromMilliseconds(1500);
}
