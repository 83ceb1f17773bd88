using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Conversations.Integration.Tests;

/// <summary>
/// The conversation service over one Redis under one ServiceId and one fake clock. Restarting replaces the whole cluster,
/// so whatever a test reads afterwards came out of Redis, not out of a silo's memory.
/// </summary>
public sealed class DurableService : IAsyncDisposable
{
    private readonly RedisServer _redis;
    private readonly int _silos;
    private readonly Action<InProcessTestSiloSpecificOptions, ISiloBuilder>? _configureSilo;
    private readonly Action<IClientBuilder>? _configureClient;

    private DurableService(
        RedisServer redis,
        int silos,
        Action<InProcessTestSiloSpecificOptions, ISiloBuilder>? configureSilo,
        Action<IClientBuilder>? configureClient,
        RecordingWhatsAppSender whatsApp)
    {
        _redis = redis;
        _silos = silos;
        _configureSilo = configureSilo;
        _configureClient = configureClient;
        WhatsApp = whatsApp;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public string ServiceId { get; } = RedisCluster.NewServiceId();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>What every silo, before and after restarts, handed to Meta: one record across the service's whole life.</summary>
    public RecordingWhatsAppSender WhatsApp { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The serializer the silos store state with.</summary>
    public Serializer Serializer => Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    public static async Task<DurableService> Start(
        RedisServer redis,
        int silos = 1,
        Action<InProcessTestSiloSpecificOptions, ISiloBuilder>? configureSilo = null,
        Action<IClientBuilder>? configureClient = null)
    {
        var service = new DurableService(redis, silos, configureSilo, configureClient, new RecordingWhatsAppSender());
        service.Cluster = await service.StartCluster();
        return service;
    }

    /// <summary>Stops every silo and starts a new cluster on the same Redis, ServiceId and clock.</summary>
    public async Task Restart()
    {
        await Cluster.DisposeAsync();
        Cluster = await StartCluster();
    }

    public async Task<DurableConversation> NewConversation()
    {
        var conversation = new DurableConversation(this, TestNumbers.BusinessNumberId(), TestNumbers.Customer());
        var registered = await Grains.GetGrain<Abstractions.Grains.IBusinessNumberGrain>(conversation.Key.BusinessNumberId).Register(TestNumbers.WabaId());
        Assert.True(registered.Succeeded, registered.Refusal?.Message);
        return conversation;
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private Task<InProcessTestCluster> StartCluster() => RedisCluster.Start(_redis.ConnectionString, Clock, ServiceId, silos: _silos, configureSilo: _configureSilo, whatsApp: WhatsApp, configureClient: _configureClient);
}
