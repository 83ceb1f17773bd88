using Conversations.Testing;
using Conversations.Abstractions.Meta;
using Conversations.Auth;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.TestingHost;
using V1 = Conversations.V1;

namespace Conversations.Api.Tests;

/// <summary>
/// The real api, with its embedded silo, behind an in-memory test server. Each host picks free silo and gateway ports,
/// so hosts of this and other test runs never collide, and has its own fake clock that only its tests move.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Far from the machine's clock on purpose: a grain reading real time would see every inbound as days old.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>What Meta signs webhooks with in these tests; deliberately not the appsettings.json default.</summary>
    public const string WebhookAppSecret = "api-tests-app-secret";

    public const string WebhookVerifyToken = "api-tests-verify-token";

    /// <summary>The test host authenticates like a production one, with a symmetric key its tests mint tokens with.</summary>
    public const string SigningKey = "api-tests-signing-key-of-at-least-32-bytes";

    public const string Issuer = "https://issuer.api-tests.example";

    public const string Audience = "conversations-api-tests";

    /// <summary>The caller (token subject) the tests not about per-caller bounds all call as.</summary>
    public const string Subject = "api-tests";

    private GrpcChannel? _channel;

    public FakeTimeProvider Clock { get; } = new(Start);

    public ApiFactory()
    {
        SiloPort = FreePort.Next();
        GatewayPort = FreePort.Next(SiloPort);
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>An administrator of every WABA with every scope: what the tests not about authorization call with.</summary>
    public string AdminToken { get; } = Token(Scopes.All, [CallerClaims.Any]);

    public GrpcChannel Channel => _channel ??= ChannelWith(AdminToken);

    /// <summary>A token signed with the test host's key; lifetime and audience are the test's to break; the subject says which caller it is.</summary>
    public static string Token(
        IEnumerable<string> scopes,
        IEnumerable<string> wabaIds,
        IEnumerable<string>? portfolioIds = null,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        string audience = Audience,
        string signingKey = SigningKey,
        string subject = Subject) =>
        DevelopmentToken.Mint(signingKey, Issuer, audience, scopes, wabaIds, portfolioIds ?? [], issuedAt ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromDays(1), subject);

    /// <summary>A channel to the test server whose calls carry this token, or none.</summary>
    public GrpcChannel ChannelWith(string? token) => GrpcChannel.ForAddress(
        Server.BaseAddress,
        new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }.WithBearer(Server.BaseAddress, token));

    public V1.ConversationsService.ConversationsServiceClient Conversations => new(Channel);

    public V1.TemplatesService.TemplatesServiceClient Templates => new(Channel);

    public V1.BusinessNumbersService.BusinessNumbersServiceClient BusinessNumbers => new(Channel);

    /// <summary>Extra configuration for a class that tests a non-default setting.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Meta as far as these tests are concerned; the Cloud API client has its own tests against the simulator.</summary>
    public RecordingWhatsAppSender WhatsApp { get; } = new();

    /// <summary>Meta's template management as far as these tests are concerned.</summary>
    public ScriptedWhatsAppTemplates MetaTemplates { get; } = new();

    /// <summary>Every conversation's message log appends, counted.</summary>
    public CountingMessageLogStore MessageLog => Services.GetRequiredService<CountingMessageLogStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Conversations:Hosting:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Conversations:Hosting:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ConnectionStrings:Redis", "");
        // Each test host sends to the RecordingWhatsAppSender below; no host binds the simulator's port.
        builder.UseSetting("Conversations:Meta:Simulator:Enabled", "false");
        builder.UseSetting("Conversations:Webhooks:AppSecret", WebhookAppSecret);
        builder.UseSetting("Conversations:Webhooks:VerifyToken", WebhookVerifyToken);
        builder.UseSetting("Conversations:Auth:SigningKey", SigningKey);
        builder.UseSetting("Conversations:Auth:Issuer", Issuer);
        builder.UseSetting("Conversations:Auth:Audience", Audience);
        // The test host runs in Development, where the dashboard would profile every grain call; its own tests turn it on.
        builder.UseSetting("Conversations:Dashboard:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Grains and reminders on the fake clock; membership, messaging and other silo loops stay on real time.
            services.UseFakeClock(Clock);
            services.AddSingleton<IWhatsAppSender>(WhatsApp);
            services.AddSingleton<IWhatsAppTemplates>(MetaTemplates);
            services.AddSingleton<CountingMessageLogStore>();
            services.AddSingleton<Grains.Conversation.IMessageLogStore>(sp => sp.GetRequiredService<CountingMessageLogStore>());
        });
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }
}
