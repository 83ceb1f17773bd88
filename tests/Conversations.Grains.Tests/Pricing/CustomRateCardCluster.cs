using Conversations.Testing;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Pricing;

/// <summary>A cluster whose rate card is a file named by Conversations:Pricing:RateCardPath, as an operator replaces it.</summary>
public sealed class CustomRateCardCluster : IAsyncLifetime
{
    private readonly string _cardPath = Path.Combine(Path.GetTempPath(), $"rate-card-{Guid.NewGuid():N}.json");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_cardPath, RateCardTests.TieredCardJson);
        Cluster = await InMemoryCluster.Start(
            new FakeTimeProvider(Charges.November2026),
            settings: new Dictionary<string, string?> { ["Conversations:Pricing:RateCardPath"] = _cardPath });
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        File.Delete(_cardPath);
    }
}
