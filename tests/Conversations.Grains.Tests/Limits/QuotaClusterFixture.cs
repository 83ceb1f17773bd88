using Conversations.Testing;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// Two silos with small quotas: a WABA holds at most <see cref="MaxNumbers"/> business numbers, so a test reaches the
/// quota in a few calls and the grains deciding it land on either silo.
/// </summary>
public sealed class QuotaClusterFixture : IAsyncLifetime
{
    public const int MaxNumbers = 2;

    public ClusterFixture Cluster { get; } = new()
    {
        Silos = 2,
        Settings = new Dictionary<string, string?>
        {
            ["Conversations:Limits:MaxBusinessNumbersPerWaba"] = $"{MaxNumbers}",
        },
    };

    public Task InitializeAsync() => Cluster.InitializeAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync();
}
