using Conversations.Testing;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Meta.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Meta.Tests;

/// <summary>
/// One test's Meta loop over loopback: a webhook receiver, the simulator posting to it, and the real Cloud API client
/// (built by <see cref="CloudApiServiceCollectionExtensions.AddCloudApiClient"/>) sending to the simulator.
/// </summary>
public sealed class MetaLoop : IAsyncDisposable
{
    public const string BusinessNumber = "106540352242922";
    public const string Customer = "16505551234";
    public const string AccessToken = "EAAG-test-token-4f1c2d";
    public const string AppSecret = "test-app-secret";

    private readonly ServiceProvider _services;
    private readonly ILoggerFactory _simulatorLogs;

    private MetaLoop(WebhookReceiver receiver, MetaSimulator simulator, ServiceProvider services, CapturedLogs logs, ILoggerFactory simulatorLogs)
    {
        Receiver = receiver;
        Simulator = simulator;
        _services = services;
        Logs = logs;
        _simulatorLogs = simulatorLogs;
    }

    public WebhookReceiver Receiver { get; }

    public MetaSimulator Simulator { get; }

    /// <summary>Everything the client, its HttpClient, Polly and the simulator logged.</summary>
    public CapturedLogs Logs { get; }

    public IWhatsAppSender Sender => _services.GetRequiredService<IWhatsAppSender>();

    /// <summary>The Cloud API client's template management, against the simulator.</summary>
    public IWhatsAppTemplates Templates => _services.GetRequiredService<IWhatsAppTemplates>();

    public MetaOptions Options => _services.GetRequiredService<IOptions<MetaOptions>>().Value;

    /// <param name="client">Client settings over the fast test defaults (Conversations:Meta:...).</param>
    /// <param name="graphBaseUrl">Where the client sends; the simulator when null.</param>
    /// <param name="realTime">The simulator's arrival times and throughput; real time when null.</param>
    public static async Task<MetaLoop> Start(
        IReadOnlyDictionary<string, string?>? client = null,
        Action<MetaSimulatorOptions>? simulator = null,
        TimeProvider? simulatorClock = null,
        string? graphBaseUrl = null,
        Action<IHttpClientBuilder>? http = null,
        TimeProvider? realTime = null)
    {
        var logs = new CapturedLogs();
        var simulatorLogs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var receiver = await WebhookReceiver.Start(AppSecret);
        var options = new MetaSimulatorOptions
        {
            Url = "http://127.0.0.1:0",
            WebhookUrl = receiver.Url,
            AppSecret = AppSecret,
            SentDelay = TimeSpan.FromMilliseconds(20),
            DeliveredDelay = TimeSpan.FromMilliseconds(40),
            ReadDelay = TimeSpan.FromMilliseconds(60),
            WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        simulator?.Invoke(options);
        var meta = await MetaSimulator.Start(options, simulatorLogs, simulatorClock, realTime);

        var settings = new Dictionary<string, string?>
        {
            ["Conversations:Meta:AccessToken"] = AccessToken,
            ["Conversations:Meta:GraphBaseUrl"] = graphBaseUrl ?? meta.BaseAddress.ToString(),
            ["Conversations:Meta:ApiVersion"] = "v25.0",
            ["Conversations:Meta:ConnectTimeout"] = "00:00:00.500",
            // Generous: a cold Kestrel on a busy two-core machine can take seconds to answer its first request.
            ["Conversations:Meta:AttemptTimeout"] = "00:00:10",
            ["Conversations:Meta:TotalTimeout"] = "00:00:20",
            ["Conversations:Meta:TransientRetries"] = "3",
            ["Conversations:Meta:TransientBaseDelay"] = "00:00:00.001",
            ["Conversations:Meta:RateLimitedRetries"] = "2",
            ["Conversations:Meta:RateLimitedBaseDelay"] = "00:00:00.002",
        };
        foreach (var (key, value) in client ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var builder = services.AddCloudApiClient(configuration);
        http?.Invoke(builder);
        return new MetaLoop(receiver, meta, services.BuildServiceProvider(validateScopes: true), logs, simulatorLogs);
    }

    public Task<DispatchResult> Send(MessageContent content, string to = Customer, string? messageId = null) =>
        Sender.Send(new OutboundMessage(BusinessNumber, to, content, messageId ?? $"cnv.{Guid.NewGuid():N}"), CancellationToken.None);

    /// <summary>The customer writes, so free-form content may be sent for 24 h.</summary>
    public async Task<SimulatedInboundResult> CustomerWrites(string text = "Does it come in another color?", string from = Customer)
    {
        var result = await Simulator.SimulateInbound(new SimulatedInbound(BusinessNumber, from, text), CancellationToken.None);
        Assert.True(result.WebhookDelivered, "the inbound webhook should reach the receiver");
        return result;
    }

    /// <summary>How many send requests reached the simulator for <paramref name="to"/>.</summary>
    public int RequestsTo(string to = Customer) => Simulator.Received.Count(r => (string?)r.Body?["to"] == to);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        await Receiver.DisposeAsync();
        _simulatorLogs.Dispose();
    }
}
