using Conversations.Abstractions.Meta;
using Conversations.Grains;
using Conversations.Grains.Events;
using Conversations.Grains.Pricing;
using Conversations.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Conversations.Testing;

/// <summary>A cluster wired like the embedded production silo (memory state and reminders) but on a fake clock.</summary>
/// <remarks><c>configureSilo</c>: test-only changes per silo, applied after the production wiring.</remarks>
public static class InMemoryCluster
{
    public static async Task<InProcessTestCluster> Start(
        FakeTimeProvider clock,
        RecordingWhatsAppSender? whatsApp = null,
        RecordingEventSink? events = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        int silos = 1,
        Action<ISiloBuilder>? configureSilo = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        // One usage ledger store for every silo, as a durable cluster has one Redis: a conversation on either silo counts in it.
        var options = configuration.GetSection(ConversationOptions.Section).Get<ConversationOptions>() ?? new ConversationOptions();
        var ledgers = new InMemoryUsageLedgerStore(Options.Create(options), clock);
        var builder = new InProcessTestClusterBuilder((short)silos);
        // One feed store for all silos, as one Redis is for a real cluster; an embedded production silo is alone.
        IEventFeedStore? feedStore = null;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddConversationGrains(configuration);
            silo.Services.AddSingleton<IEventFeedStore>(sp => LazyInitializer.EnsureInitialized(ref feedStore, () => ActivatorUtilities.CreateInstance<InMemoryEventFeedStore>(sp)));
            silo.AddMemoryGrainStorage(StorageNames.Conversations);
            silo.UseInMemoryReminderService();
            silo.UseFakeClock(clock);
            silo.Services.AddSingleton<IUsageLedgerStore>(ledgers);
            silo.Services.AddSingleton<IWhatsAppSender>(whatsApp ?? new RecordingWhatsAppSender());
            if (events is not null)
            {
                silo.Services.AddSingleton<Abstractions.Events.IConversationEventSink>(events);
            }

            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
