using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Conversations.Grains.Limits;
using Conversations.Testing;

namespace Conversations.Grains.Tests;

/// <summary>One in-memory cluster per test run; every test uses its own numbers, and only test bodies move the clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>One unless a fixture that needs more sets it; xunit builds fixtures with their parameterless constructor.</summary>
    public int Silos { get; init; } = 1;

    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The clock pace slots are handed out on; null keeps production's real time (see <see cref="WireClock"/>).</summary>
    public FakeClock? Wire { get; init; }

    /// <summary>Configuration on top of the defaults, for a fixture that tests a non-default setting.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    public ReminderTicks ReminderTicks { get; } = new();

    public RecordingWhatsAppSender WhatsApp { get; } = new();

    public RecordingEventSink Events { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await InMemoryCluster.Start(
        Clock, WhatsApp, Events, Settings, Silos, configureSilo: silo =>
        {
            silo.AddIncomingGrainCallFilter(ReminderTicks.Invoke);
            if (Wire is not null)
            {
                silo.Services.AddSingleton(new WireClock(Wire));
            }
        });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
