using Conversations.Hosting;
using Conversations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Api.Tests.Failures;

/// <summary>
/// The real api with its embedded silo keeping state, reminders and membership in a real redis-server, as production
/// does: for the failures only a real Redis shows (killed, refusing connections).
/// </summary>
public sealed class RedisApiFactory : ApiFactory, IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Redis"] = Redis.ConnectionString,
        ["Conversations:Hosting:ServiceId"] = RedisCluster.NewServiceId(),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Every conversation's message log in its Redis list again, as production keeps it, instead of the counting one.
        builder.ConfigureTestServices(services => services.AddSingleton<Grains.Conversation.IMessageLogStore, RedisMessageLogStore>());
    }

    /// <summary>Append-only, so a restart after a kill keeps what the api stored, as production's Redis does.</summary>
    public async Task InitializeAsync() => Redis = await RedisServer.Start(appendOnly: true);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
