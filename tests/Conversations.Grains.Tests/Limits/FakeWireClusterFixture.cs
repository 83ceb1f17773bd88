using Conversations.Testing;

namespace Conversations.Grains.Tests.Limits;

/// <summary>
/// A cluster whose pace slots are handed out on a clock the test moves, so a full queue stays full until the test says
/// otherwise. Waits for slots still run on real time, so tests here fill queues but never wait in them.
/// </summary>
public sealed class FakeWireClusterFixture : IAsyncLifetime
{
    public ClusterFixture Cluster { get; } = new() { Wire = new FakeClock(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)) };

    public FakeClock Wire => Cluster.Wire!;

    public Task InitializeAsync() => Cluster.InitializeAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync();
}
