using Conversations.Abstractions.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Grains.Events;

public static class EventServiceCollectionExtensions
{
    /// <summary>A silo's part: every conversation event goes to its number's hub; subscribers may live here too.</summary>
    public static IServiceCollection AddConversationEventHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationEventSink, EventHubSink>());
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
            .Validate(o => o.RetainedEvents > 0, "Conversations:Events:RetainedEvents must be positive.")
            .Validate(o => o.Retention > TimeSpan.Zero, "Conversations:Events:Retention must be positive.")
            .Validate(o => o.SubscriptionLifetime >= TimeSpan.FromSeconds(3), "Conversations:Events:SubscriptionLifetime must be at least 3 seconds.")
            .Validate(o => o.SubscriberBuffer > 0, "Conversations:Events:SubscriberBuffer must be positive.")
            .Validate(o => o.ReadPageSize > 0, "Conversations:Events:ReadPageSize must be positive.")
            .Validate(o => o.AppendTimeout > TimeSpan.Zero, "Conversations:Events:AppendTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(new LivenessClock(TimeProvider.System));
        services.TryAddSingleton<EventFeeds>();
        return services;
    }
}
