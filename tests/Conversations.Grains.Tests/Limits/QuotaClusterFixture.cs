using Conversations.Testing;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// Two silos with small quotas: a WABA holds at most <see cref="MaxNumbers"/> business numbers and opens at most
/// <see cref="NewConversationsPerMinute"/> conversations a minute, so a test reaches them in a few calls and the grains
/// deciding them land on either silo.
/// </summary>
public sealed class QuotaClusterFixture : IAsyncLifetime
{
    public const int MaxNumbers = 2;

    public const int NewConversationsPerMinute = 3;

    public ClusterFixture Cluster { get; } = new()
    {
        Silos = 2,
        Settings = new Dictionary<string, string?>
        {
            ["Conversations:Limits:MaxBusinessNumbersPerWaba"] = $"{MaxNumbers}",
            ["Conversations:Limits:NewConversationsPerMinute"] = $"{NewConversationsPerMinute}",
        },
    };

    public Task InitializeAsync() => Cluster.InitializeAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync();
}
