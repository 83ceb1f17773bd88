using System.Net.Sockets;
using Conversations.Grains;
using Conversations.Grains.Conversation;
using Conversations.Grains.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Conversations.Hosting;

public static class ConversationsSilo
{
    /// <summary>Registers what every silo needs to run conversation grains, whatever its storage; tests call it too.</summary>
    public static ISiloBuilder AddConversationGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.WindowDuration > TimeSpan.Zero, "Conversations:WindowDuration must be positive.")
            .Validate(o => o.FreeFormSafetyMargin >= TimeSpan.Zero && o.FreeFormSafetyMargin < o.WindowDuration, "Conversations:FreeFormSafetyMargin must be at least zero and shorter than the window.")
            .Validate(o => o.ExpiryReminderPeriod > TimeSpan.Zero, "Conversations:ExpiryReminderPeriod must be positive.")
            .Validate(o => o.MessageLogRecords >= o.MessageLogCapacity, "Conversations:MessageLogRecords must be at least Conversations:MessageLogCapacity.")
            .ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<ConversationOptions>, Conversations.Grains.Pricing.PricingOptionsValidator>();
        silo.Services.AddSingleton<IValidateOptions<ConversationOptions>, Conversations.Grains.Limits.LimitOptionsValidator>();
        silo.Services.AddSingleton<IValidateOptions<ConversationOptions>, Conversations.Grains.Signals.QualityGuardOptionsValidator>();
        silo.Services.AddSingleton<IValidateOptions<ConversationOptions>, Conversations.Grains.Templates.TemplateSyncOptionsValidator>();
        silo.Services.TryAddSingleton<IMessageLogStore, InMemoryMessageLogStore>();
        silo.Services.TryAddSingleton<Conversations.Grains.DeadLetters.IDeadLetterStore, Conversations.Grains.DeadLetters.InMemoryDeadLetterStore>();
        silo.Services.TryAddSingleton<Conversations.Abstractions.Grains.GrainReferences>();
        silo.Services.AddWhatsAppSender(configuration);
        silo.Services.AddConversationEventHub(configuration);
        silo.Services.TryAddSingleton<Conversations.Grains.Pricing.IUsageLedgerStore, Conversations.Grains.Pricing.InMemoryUsageLedgerStore>();
        silo.Services.TryAddSingleton<Conversations.Grains.Pricing.UsageLedgers>();
        silo.Services.TryAddSingleton(Conversations.Grains.Limits.WireClock.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<Conversations.Grains.Telemetry.GrainMetrics>();
        return silo;
    }

    /// <summary>A silo with Redis clustering, storage and reminders, or the embedded, non-durable localhost set.</summary>
    public static ISiloBuilder ConfigureConversationsSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var hosting = HostingSettings.Read(configuration);
        var storage = ClusterStorage.From(configuration);
        silo.AddConversationGrains(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });
        silo.Configure<GrainCollectionOptions>(o =>
            o.ClassSpecificCollectionAge[typeof(Conversations.Grains.Conversation.ConversationGrain).FullName!] = hosting.ConversationIdleTimeout);

        if (storage.RedisConnectionString is { } redis)
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisClientOptions.Parse(redis, hosting.RedisTimeout));
            silo.UseRedisStateAndReminders(redis, hosting.RedisTimeout);
            ConfigureEndpoints(silo, hosting);
        }
        else
        {
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);
            // The same binary serializer as Redis storage: the default JSON one keeps each state several times larger and
            // costs about 8% of the api's CPU on the send path.
            silo.AddMemoryGrainStorage(StorageNames.Conversations, options => options.Configure<Orleans.Serialization.Serializer>(
                (o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.UseInMemoryReminderService();
        }

        silo.Services.AddHostedService(sp => new StorageModeAnnouncement(storage, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StorageModeAnnouncement>>()));
        return silo;
    }

    /// <summary>Grain state and reminders in Redis, exactly as production stores them; integration tests call it too.</summary>
    /// <param name="timeout">Conversations:Hosting:RedisTimeout; its default when not given.</param>
    public static ISiloBuilder UseRedisStateAndReminders(this ISiloBuilder silo, string redis, TimeSpan? timeout = null)
    {
        var redisTimeout = timeout ?? HostingOptions.DefaultRedisTimeout;
        silo.AddRedisGrainStorage(StorageNames.Conversations, options => options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = RedisClientOptions.Parse(redis, redisTimeout);
            // Binary with stable [Id]s and [Alias]es: renaming a CLR type must not orphan stored state, as JSON type names would.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            // A cleared state (an erased conversation) leaves no key behind: the key itself names the customer.
            o.DeleteStateOnClear = true;
        }));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisClientOptions.Parse(redis, redisTimeout));
        silo.Services.AddSingleton<Conversations.Grains.Pricing.IUsageLedgerStore, RedisUsageLedgerStore>();
        silo.Services.AddSingleton(sp => new ServiceRedis(RedisClientOptions.Parse(redis, redisTimeout), sp.GetRequiredService<IOptions<ClusterOptions>>()));
        silo.Services.AddSingleton<IMessageLogStore, RedisMessageLogStore>();
        silo.Services.AddSingleton<IEventFeedStore, RedisEventFeedStore>();
        silo.Services.AddSingleton<Conversations.Grains.DeadLetters.IDeadLetterStore, RedisDeadLetterStore>();
        silo.AddIncomingGrainCallFilter<StorageUnavailableFilter>();
        return silo;
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, HostingOptions hosting)
    {
        if (string.IsNullOrWhiteSpace(hosting.AdvertisedHost))
        {
            silo.ConfigureEndpoints(hosting.SiloPort, hosting.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(hosting.AdvertisedHost, hosting.SiloPort, hosting.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
        }
    }
}
