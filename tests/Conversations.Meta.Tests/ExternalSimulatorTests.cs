using Conversations.Hosting;
using Conversations.Meta.Simulator;
using Conversations.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversations.Meta.Tests;

/// <summary>
/// The benchmark's setup: the simulator in a process of its own (meta/Conversations.Meta.Simulator.Host) and the api
/// sending to it over HTTP, with Conversations:Meta:Simulator:Enabled=false and its Url pointing there.
/// </summary>
public sealed class ExternalSimulatorTests
{
    [Fact]
    public async Task With_the_simulator_disabled_a_host_sends_to_the_one_at_its_url_and_hosts_none()
    {
        await using var external = await MetaSimulator.Start(
            new MetaSimulatorOptions { Url = "http://127.0.0.1:0", WebhookUrl = $"http://127.0.0.1:{FreePort.Next()}/webhooks/whatsapp", WebhookAttempts = 1 },
            NullLoggerFactory.Instance);
        using var host = Host(new()
        {
            ["Conversations:Meta:Simulator:Enabled"] = "false",
            ["Conversations:Meta:Simulator:Url"] = external.BaseAddress.ToString().TrimEnd('/'),
        });
        await host.StartAsync();

        var result = await SampleSends.HelloWorld(host.Services);
        await host.StopAsync();

        Assert.True(result.Accepted, $"{result.Error}");
        Assert.Equal(result.Wamid, Assert.Single(external.Received).Wamid);
        Assert.Null(host.Services.GetService<MetaSimulatorService>());
    }

    [Theory]
    [InlineData("127.0.0.1:5179")]
    [InlineData("ftp://127.0.0.1:5179")]
    public void With_the_simulator_disabled_a_url_that_is_not_http_fails_at_start(string url)
    {
        using var host = Host(new()
        {
            ["Conversations:Meta:Simulator:Enabled"] = "false",
            ["Conversations:Meta:Simulator:Url"] = url,
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MetaOptions>>().Value);

        Assert.Contains("GraphBaseUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddWhatsAppSender(builder.Configuration);
        builder.AddLocalMetaSimulator();
        return builder.Build();
    }
}
