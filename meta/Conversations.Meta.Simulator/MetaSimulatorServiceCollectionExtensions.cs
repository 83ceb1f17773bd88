using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Meta.Simulator;

public static class MetaSimulatorServiceCollectionExtensions
{
    public const string AppSecretKey = "Conversations:Webhooks:AppSecret";

    /// <summary>Hosts the Meta simulator in this process, configured from "Conversations:Meta:Simulator" and validated at start-up.</summary>
    public static IServiceCollection AddMetaSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MetaSimulatorOptions>()
            .Bind(configuration.GetSection(MetaSimulatorOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.AppSecret))
                {
                    o.AppSecret = configuration[AppSecretKey] ?? "";
                }
            })
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme == "http", $"{MetaSimulatorOptions.Section}:Url must be an absolute http URL.")
            .Validate(o => Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", $"{MetaSimulatorOptions.Section}:WebhookUrl must be an absolute http(s) URL.")
            .Validate(o => o.SentDelay >= TimeSpan.Zero && o.DeliveredDelay >= o.SentDelay && o.ReadDelay >= o.DeliveredDelay, $"{MetaSimulatorOptions.Section}: SentDelay <= DeliveredDelay <= ReadDelay, none negative.")
            .Validate(o => o.WebhookAttempts is >= 1 and <= 20 && o.WebhookRetryDelay >= TimeSpan.Zero && o.WebhookTimeout > TimeSpan.Zero, $"{MetaSimulatorOptions.Section}: WebhookAttempts 1-20, WebhookRetryDelay not negative, WebhookTimeout positive.")
            .Validate(o => o.WindowDuration > TimeSpan.Zero, $"{MetaSimulatorOptions.Section}:WindowDuration must be positive.")
            .Validate(o => o.StatusBatchSize is >= 1 and <= 1_000 && o.StatusBatchDelay >= TimeSpan.Zero && o.StatusPostsInFlight is >= 1 and <= 64, $"{MetaSimulatorOptions.Section}: StatusBatchSize 1-1000, StatusBatchDelay not negative, StatusPostsInFlight 1-64.")
            .Validate(o => o.ArrivalsPerNumber >= 1, $"{MetaSimulatorOptions.Section}:ArrivalsPerNumber must be at least 1.")
            .Validate(o => o.DefaultThroughputPerSecond >= 1 && o.Numbers.Values.All(n => n.ThroughputPerSecond is null or >= 1), $"{MetaSimulatorOptions.Section}: DefaultThroughputPerSecond and each Numbers:*:ThroughputPerSecond must be at least 1.")
            .Validate(o => o.PairRateBurst >= 1 && o.PairRateInterval > TimeSpan.Zero, $"{MetaSimulatorOptions.Section}: PairRateBurst at least 1, PairRateInterval positive.")
            .Validate(o => o.TemplateReviewDelay >= TimeSpan.Zero && o.TemplateReviewOutcome.ToUpperInvariant() is "APPROVED" or "REJECTED" or "PAUSED" or "DISABLED" or "FLAGGED", $"{MetaSimulatorOptions.Section}: TemplateReviewDelay not negative, TemplateReviewOutcome APPROVED, REJECTED, PAUSED, DISABLED or FLAGGED.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new MetaSimulatorService(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetaSimulatorOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<MetaSimulatorService>());
        return services;
    }
}
