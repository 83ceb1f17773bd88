using Conversations.Abstractions.Meta;
using Conversations.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Conversations.Testing;

/// <summary>
/// A cluster that keeps grain state and reminders in Redis exactly as production does, on a fake clock. Membership stays
/// in the test cluster's own memory: a new cluster over the same Redis and ServiceId is what a full restart looks like.
/// </summary>
public static class RedisCluster
{
    /// <summary>A ServiceId no other cluster uses: it prefixes every state and reminder key, so tests never see each other's.</summary>
    public static string NewServiceId() => $"conversations-test-{Guid.NewGuid():N}";

    /// <param name="configureSilo">Test-only changes per silo, applied after the production wiring, e.g. to misbehave one silo.</param>
    /// <param name="configureClient">Test-only changes to the cluster client, e.g. how long it waits for an answer.</param>
    public static async Task<InProcessTestCluster> Start(
        string redisConnectionString,
        FakeTimeProvider clock,
        string serviceId,
        IReadOnlyDictionary<string, string?>? settings = null,
        int silos = 1,
        Action<InProcessTestSiloSpecificOptions, ISiloBuilder>? configureSilo = null,
        RecordingWhatsAppSender? whatsApp = null,
        Action<IClientBuilder>? configureClient = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((siloOptions, silo) =>
        {
            silo.AddConversationGrains(configuration);
            silo.UseRedisStateAndReminders(redisConnectionString);
            silo.UseFakeClock(clock);
            silo.Services.AddSingleton<IWhatsAppSender>(whatsApp ?? new RecordingWhatsAppSender());
            configureSilo?.Invoke(siloOptions, silo);
        });
        if (configureClient is not null)
        {
            builder.ConfigureClient(configureClient);
        }

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }
}
