using Microsoft.Extensions.Hosting;

namespace Conversations.Hosting;

public static class ConversationsHost
{
    /// <summary>Joins this process to the conversation cluster as a silo or as a client, as configured.</summary>
    public static IHostApplicationBuilder AddConversationsCluster(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (HostingSettings.Read(configuration).Mode == HostingMode.Client)
        {
            builder.UseOrleansClient(client => client.ConfigureConversationsClient(configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo.ConfigureConversationsSilo(configuration));
        }

        return builder;
    }
}
