using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Conversations.Hosting;

public static class ConversationsClient
{
    /// <summary>A client of an external cluster: found through Redis membership, or the localhost gateway when embedded.</summary>
    public static IClientBuilder ConfigureConversationsClient(this IClientBuilder client, IConfiguration configuration)
    {
        var hosting = HostingSettings.Read(configuration);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });

        if (ClusterStorage.From(configuration).RedisConnectionString is { } redis)
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = RedisClientOptions.Parse(redis, hosting.RedisTimeout));
        }
        else
        {
            client.UseLocalhostClustering(hosting.GatewayPort);
        }

        return client;
    }
}
