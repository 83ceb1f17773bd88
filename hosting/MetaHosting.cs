using Conversations.Abstractions.Meta;
using Conversations.Meta;
using Conversations.Meta.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Hosting;

/// <summary>
/// Wiring for Meta's edge. Silos send with the real Cloud API client, always; without an access token it sends to the
/// local Meta simulator, which the api hosts.
/// </summary>
public static class MetaHosting
{
    /// <summary>What the client sends as its bearer token to the simulator, which only checks that there is one.</summary>
    public const string SimulatorAccessToken = "local-simulator";

    /// <summary>True when no access token is configured: sends go to the local Meta simulator.</summary>
    public static bool UsesSimulator(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{MetaOptions.Section}:{nameof(MetaOptions.AccessToken)}"]);

    /// <summary>
    /// Registers <see cref="CloudApiClient"/> as the <see cref="IWhatsAppSender"/> unless one is registered already (a
    /// sender a test registers after this call wins too). Without an access token, GraphBaseUrl defaults to the
    /// simulator's Url and the token to a placeholder.
    /// </summary>
    public static IServiceCollection AddWhatsAppSender(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCloudApiClient(configuration);
        var usesSimulator = UsesSimulator(configuration);
        if (usesSimulator)
        {
            var graphConfigured = !string.IsNullOrWhiteSpace(configuration[$"{MetaOptions.Section}:{nameof(MetaOptions.GraphBaseUrl)}"]);
            var simulatorUrl = SimulatorSettings(configuration).Url;
            services.PostConfigure<MetaOptions>(o =>
            {
                o.AccessToken = SimulatorAccessToken;
                if (!graphConfigured)
                {
                    o.GraphBaseUrl = simulatorUrl;
                }
            });
            services.AddOptions<MetaOptions>().Validate(
                o => !Uri.TryCreate(o.GraphBaseUrl, UriKind.Absolute, out var graph) || !graph.Host.EndsWith("facebook.com", StringComparison.OrdinalIgnoreCase),
                $"{MetaOptions.Section}:GraphBaseUrl points at Meta but no {MetaOptions.Section}:AccessToken is configured.");
        }
        else
        {
            // The token is a bearer credential: over plain http anyone on the path could take it.
            services.AddOptions<MetaOptions>().Validate(
                o => Uri.TryCreate(o.GraphBaseUrl, UriKind.Absolute, out var graph) && graph.Scheme == Uri.UriSchemeHttps,
                $"{MetaOptions.Section}:GraphBaseUrl must be an https URL when {MetaOptions.Section}:AccessToken is set: the token would travel in clear text.");
        }

        services.AddHostedService(sp => new WhatsAppSenderAnnouncement(
            sp,
            sp.GetRequiredService<IOptions<MetaOptions>>(),
            usesSimulator,
            sp.GetRequiredService<ILogger<WhatsAppSenderAnnouncement>>()));
        return services;
    }

    /// <summary>
    /// Hosts the Meta simulator in this process when no access token is configured and
    /// Conversations:Meta:Simulator:Enabled is not false.
    /// </summary>
    public static IHostApplicationBuilder AddLocalMetaSimulator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (UsesSimulator(builder.Configuration) && SimulatorSettings(builder.Configuration).Enabled)
        {
            builder.Services.AddMetaSimulator(builder.Configuration);
        }

        return builder;
    }

    private static MetaSimulatorOptions SimulatorSettings(IConfiguration configuration)
    {
        var settings = new MetaSimulatorOptions();
        configuration.GetSection(MetaSimulatorOptions.Section).Bind(settings);
        return settings;
    }

    /// <summary>Says at start-up where WhatsApp messages go, so nobody believes the simulator's "delivered" came from Meta.</summary>
    private sealed class WhatsAppSenderAnnouncement(
        IServiceProvider services,
        IOptions<MetaOptions> options,
        bool usesSimulator,
        ILogger<WhatsAppSenderAnnouncement> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (services.GetService<IWhatsAppSender>() is not CloudApiClient)
            {
                return Task.CompletedTask;
            }

            var meta = options.Value;
            if (usesSimulator)
            {
                logger.LogWarning(
                    "Sending WhatsApp messages to the local Meta simulator at {GraphBaseUrl}: no {Section}:AccessToken is configured.",
                    meta.GraphBaseUrl,
                    MetaOptions.Section);
            }
            else
            {
                logger.LogInformation("Sending WhatsApp messages to the Cloud API at {GraphBaseUrl}/{ApiVersion}.", meta.GraphBaseUrl, meta.ApiVersion);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
