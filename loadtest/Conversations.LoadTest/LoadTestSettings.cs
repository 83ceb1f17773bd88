namespace Conversations.LoadTest;

/// <summary>What one run of the load tester does, as the command line asked for it.</summary>
public sealed record LoadTestSettings(
    Uri Address,
    IReadOnlyList<string> Scenarios,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Concurrency,
    double? Rate,
    int Conversations,
    int BusinessNumbers,
    int Customers,
    DirectoryInfo? Output,
    int? ServerPid,
    Uri? MetaSimulator = null)
{
    /// <summary>The bearer token every call to the api carries; null for an api in development mode.</summary>
    public string? Token { get; init; }

    /// <summary>webhooks: the api's HTTP/1.1 webhook endpoint.</summary>
    public Uri WebhookUrl { get; init; } = new("http://localhost:5080/webhooks/whatsapp");

    /// <summary>webhooks: the Meta app secret the api verifies X-Hub-Signature-256 with (Conversations:Webhooks:AppSecret).</summary>
    public string AppSecret { get; init; } = "local-dev-secret";

    /// <summary>webhooks: inbound messages per POST.</summary>
    public int Batch { get; init; } = 100;

    /// <summary>chatbot: concurrent StreamSends streams, one per bot.</summary>
    public int Streams { get; init; } = 16;

    /// <summary>Messages per second every scenario's business numbers are registered with (the server allows at most its Conversations:Limits:MaxThroughputPerSecond).</summary>
    public int Throughput { get; init; } = 1_000;

    /// <summary>uniform, evaluate: the share of customers (0 to 1) known only by a business-scoped user id (BSUID).</summary>
    public double UserIdShare { get; init; }

    /// <summary>windows: windows to open.</summary>
    public int Windows { get; init; } = 1_000_000;

    /// <summary>windows: how long to leave the windows idle before a third reading, so the api can collect idle activations.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The api's Redis (ConnectionStrings__Redis): every scenario's Redis CPU, bytes in and AOF bytes per ok item, and
    /// windows' used_memory per window; null when the api stores in memory.
    /// </summary>
    public string? Redis { get; init; }

    /// <summary>relay: the gRPC address of the relay floor (this tool's --serve-relay mode); null skips the relay scenario.</summary>
    public Uri? Relay { get; init; }

    /// <summary>relay: the relay server's process id, for its CPU per send.</summary>
    public int? RelayPid { get; init; }

    /// <summary>relay: the Meta simulator the relay server posts to, where setup opens its windows; null: <see cref="MetaSimulator"/>.</summary>
    public Uri? RelayMetaSimulator { get; init; }
}
