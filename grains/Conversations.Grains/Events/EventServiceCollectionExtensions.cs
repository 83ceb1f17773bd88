using Conversations.Abstractions.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Grains.Events;

public static class EventServiceCollectionExtensions
{
    /// <summary>
    /// A silo's part: every conversation event goes into its number's feed, kept in this process's memory unless a
    /// durable <see cref="IEventFeedStore"/> is registered; subscribers may live here too.
    /// </summary>
    public static IServiceCollection AddConversationEventHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IEventFeedStore, InMemoryEventFeedStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationEventSink, EventFeedAppender>());
        return services.AddConversationEventFeeds(configuration.GetSection(EventHubOptions.Section));
    }

    /// <summary>A subscriber's part, for a silo or a client of one; binds <see cref="EventHubOptions"/> from its section.</summary>
    public static IServiceCollection AddConversationEventFeeds(this IServiceCollection services, IConfigurationSection? section = null)
    {
        if (services.Any(d => d.ServiceType == typeof(EventFeeds)))
        {
            return services;
        }

        var options = services.AddOptions<EventHubOptions>();
        if (section is null)
        {
            options.BindConfiguration(EventHubOptions.Section);
        }
        else
        {
            options.Bind(section);
        }

        options
            .Validate(o => o.RetainedEvents is > 0 and <= EventHubOptions.MaxRetainedEvents, $"Conversations:Events:RetainedEvents must be between 1 and {EventHubOptions.MaxRetainedEvents}.")
            .Validate(o => o.RetainedBytes is > 0 and <= EventHubOptions.MaxRetainedBytes, $"Conversations:Events:RetainedBytes must be between 1 and {EventHubOptions.MaxRetainedBytes}.")
            .Validate(o => o.Retention > TimeSpan.Zero, "Conversations:Events:Retention must be positive.")
            .Validate(o => o.MaxReplayEvents > 0, "Conversations:Events:MaxReplayEvents must be positive.")
            .Validate(o => o.SubscriptionLifetime >= TimeSpan.FromSeconds(3), "Conversations:Events:SubscriptionLifetime must be at least 3 seconds.")
            .Validate(o => o.SubscriberBuffer > 0, "Conversations:Events:SubscriberBuffer must be positive.")
            .Validate(o => o.ReadPageSize > 0, "Conversations:Events:ReadPageSize must be positive.")
            .Validate(o => o.MaxAppendBatch > 0, "Conversations:Events:MaxAppendBatch must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(new LivenessClock(TimeProvider.System));
        services.TryAddSingleton<EventFeeds>();
        return services;
    }
}
