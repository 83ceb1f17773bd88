using Conversations.Testing;
using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using V1 = Conversations.V1;

namespace Conversations.EndToEnd.Tests;

/// <summary>
/// The api as <c>dotnet run --project api</c> runs it without a Meta access token, but on free loopback ports: gRPC
/// (HTTP/2) and the webhook endpoint (HTTP/1.1) on Kestrel, the embedded silo, and the local Meta simulator that the
/// silo's real Cloud API client sends to and that posts signed webhooks back. No test server, no stand-in sender:
/// every hop is a TCP connection.
/// </summary>
public class LoopbackApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Deliberately not the appsettings.json default: the simulator must sign with what the api checks.</summary>
    public const string AppSecret = "end-to-end-app-secret";

    private readonly int _grpcPort;
    private readonly int _httpPort;
    private readonly int _simulatorPort;
    private readonly int _siloPort;
    private readonly int _gatewayPort;
    private GrpcChannel? _channel;
    private HttpClient? _simulatorHttp;

    public LoopbackApi()
    {
        var taken = new List<int>();
        int Take()
        {
            var port = FreePort.Next(taken);
            taken.Add(port);
            return port;
        }

        _grpcPort = Take();
        _httpPort = Take();
        _simulatorPort = Take();
        _siloPort = Take();
        _gatewayPort = Take();
        UseKestrel();
    }

    public Uri GrpcAddress => new($"http://127.0.0.1:{_grpcPort}");

    public Uri WebhookUrl => new($"http://127.0.0.1:{_httpPort}/webhooks/whatsapp");

    public Uri SimulatorAddress => new($"http://127.0.0.1:{_simulatorPort}");

    public V1.ConversationsService.ConversationsServiceClient Conversations => new(Channel);

    public V1.BusinessNumbersService.BusinessNumbersServiceClient BusinessNumbers => new(Channel);

    public V1.TemplatesService.TemplatesServiceClient Templates => new(Channel);

    /// <summary>The simulator's operator endpoints, over HTTP like an operator or load test would reach them.</summary>
    public MetaSimulatorClient Simulator => new(_simulatorHttp ??= new HttpClient { BaseAddress = SimulatorAddress, Timeout = TimeSpan.FromSeconds(10) });

    private GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(GrpcAddress);

    /// <summary>Settings of a host that tests a non-default one, applied after the rest.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>();

    public Task InitializeAsync()
    {
        // Starts Kestrel, the silo and the simulator; a port clash or bad setting fails here, not in the first test.
        StartServer();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _channel?.Dispose();
        _simulatorHttp?.Dispose();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcAddress.ToString(),
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{Port(_httpPort)}",
            ["Conversations:Hosting:SiloPort"] = Port(_siloPort),
            ["Conversations:Hosting:GatewayPort"] = Port(_gatewayPort),
            ["ConnectionStrings:Redis"] = "",
            // Empty whatever the machine's environment says: no token means the simulator, never Meta.
            ["Conversations:Meta:AccessToken"] = "",
            ["Conversations:Webhooks:AppSecret"] = AppSecret,
            ["Conversations:Meta:Simulator:Url"] = SimulatorAddress.ToString(),
            ["Conversations:Meta:Simulator:WebhookUrl"] = WebhookUrl.ToString(),
            // Meta takes seconds to report sent, delivered and read; tests take milliseconds.
            ["Conversations:Meta:Simulator:SentDelay"] = "00:00:00.020",
            ["Conversations:Meta:Simulator:DeliveredDelay"] = "00:00:00.040",
            ["Conversations:Meta:Simulator:ReadDelay"] = "00:00:00.060",
            ["Conversations:Meta:Simulator:WebhookRetryDelay"] = "00:00:00.010",
            // Meta reviews a template in a day or two; tests take milliseconds.
            ["Conversations:Meta:Simulator:TemplateReviewDelay"] = "00:00:00.050",
            ["Conversations:Meta:TransientBaseDelay"] = "00:00:00.010",
            ["Conversations:Meta:RateLimitedBaseDelay"] = "00:00:00.010",
            // The test host runs in Development, where the dashboard would profile every grain call.
            ["Conversations:Dashboard:Enabled"] = "false",
            // Every hop logs each request at Information; warnings (retries, refusals) are what explains a failure.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings.Concat(MoreSettings))
        {
            builder.UseSetting(key, value);
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
