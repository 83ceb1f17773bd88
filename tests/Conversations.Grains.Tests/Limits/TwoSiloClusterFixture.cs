using Conversations.Testing;

namespace Conversations.Grains.Tests.Limits;

/// <summary>Two silos, so customers' reach grains land on both and each silo's quota worker leases for its own callers.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    public ClusterFixture Cluster { get; } = new() { Silos = 2 };

    public Task InitializeAsync() => Cluster.InitializeAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync();
}
