using Conversations.Testing;
using Conversations.Abstractions.Messages;
using Conversations.Abstractions.Meta;
using Conversations.Hosting;
using Conversations.Meta.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Meta.Tests;

/// <summary>How the api and silos wire Meta: the real client always, the simulator when there is no token.</summary>
public sealed class MetaHostingTests
{
    [Fact]
    public void Without_an_access_token_the_client_targets_the_simulator_with_a_placeholder_token()
    {
        using var services = Services(new() { ["Conversations:Meta:Simulator:Url"] = "http://127.0.0.1:5999" });

        var options = services.GetRequiredService<IOptions<MetaOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5999", options.GraphBaseUrl);
        Assert.Equal(MetaHosting.SimulatorAccessToken, options.AccessToken);
        Assert.IsType<CloudApiClient>(services.GetRequiredService<IWhatsAppSender>());
    }

    [Fact]
    public void With_an_access_token_the_client_targets_the_graph_api()
    {
        using var services = Services(new() { ["Conversations:Meta:AccessToken"] = "EAAG-real" });

        var options = services.GetRequiredService<IOptions<MetaOptions>>().Value;

        Assert.Equal("https://graph.facebook.com", options.GraphBaseUrl);
        Assert.Equal("EAAG-real", options.AccessToken);
        Assert.Equal(new Uri("https://graph.facebook.com/v25.0/"), options.MessagesBaseAddress);
    }

    [Fact]
    public void A_sender_registered_after_AddWhatsAppSender_wins()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddWhatsAppSender(configuration);
        var standIn = new StandInSender();
        services.AddSingleton<IWhatsAppSender>(standIn);

        using var provider = services.BuildServiceProvider();

        Assert.Same(standIn, provider.GetRequiredService<IWhatsAppSender>());
    }

    [Fact]
    public void Pointing_at_Meta_without_a_token_fails_at_start()
    {
        using var services = Services(new() { ["Conversations:Meta:GraphBaseUrl"] = "https://graph.facebook.com" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MetaOptions>>().Value);

        Assert.Contains("AccessToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "false", false)]
    [InlineData("EAAG-real", null, false)]
    public void The_api_hosts_the_simulator_only_without_a_token_unless_disabled(string? token, string? enabled, bool hosted)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>();
        if (token is not null)
        {
            settings["Conversations:Meta:AccessToken"] = token;
        }

        if (enabled is not null)
        {
            settings["Conversations:Meta:Simulator:Enabled"] = enabled;
        }

        builder.Configuration.AddInMemoryCollection(settings);

        builder.AddLocalMetaSimulator();

        Assert.Equal(hosted, builder.Services.Any(d => d.ServiceType == typeof(MetaSimulatorService)));
    }

    [Fact]
    public async Task A_host_without_a_token_sends_through_its_own_simulator()
    {
        var port = FreePort.Next();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:Meta:Simulator:Url"] = $"http://127.0.0.1:{port}",
            ["Conversations:Meta:Simulator:WebhookUrl"] = $"http://127.0.0.1:{FreePort.Next()}/webhooks/whatsapp",
            ["Conversations:Meta:Simulator:WebhookAttempts"] = "1",
        });
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Services.AddWhatsAppSender(builder.Configuration);
        builder.AddLocalMetaSimulator();
        using var host = builder.Build();
        await host.StartAsync();

        var result = await SampleSends.HelloWorld(host.Services);
        await host.StopAsync();

        Assert.True(result.Accepted, $"{result.Error}");
        Assert.StartsWith("wamid.SIM", result.Wamid);
        Assert.Contains(logs.Lines, l => l.Contains($"Sending WhatsApp messages to the local Meta simulator at http://127.0.0.1:{port}", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddWhatsAppSender(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class StandInSender : IWhatsAppSender
    {
        public Task<DispatchResult> Send(OutboundMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(DispatchResult.AcceptedAs("wamid.stand-in"));

        public Task<MetaAnswer<bool>> MarkRead(ReadReceipt receipt, CancellationToken cancellationToken) => Task.FromResult(MetaAnswer<bool>.Ok(true));
    }
}
